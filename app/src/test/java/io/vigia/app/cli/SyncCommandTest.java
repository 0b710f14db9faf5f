package io.vigia.app.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigia.datasources.copilot.usage.CopilotUsageQuery;
import io.vigia.datasources.copilot.usage.ReportKind;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's failures, and one recorded run; the sync itself is tested in CopilotSyncRecordedTest. */
class SyncCommandTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir", "../shared"), "corpus", "copilot-metrics");

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.vigia(dir.resolve("ws.vigia"), args);
    }

    @Test
    void withoutATokenItSaysWhereToPutOne() {
        CliRun r = run("sync", "copilot", "--org", "acme", "--token-env", "VIGIA_TEST_NO_SUCH_VARIABLE", "--token-key",
                "vigia-test/no-such-key");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("$VIGIA_TEST_NO_SUCH_VARIABLE is not set").contains("'vigia-test/no-such-key'");
    }

    @Test
    void anUnreachableApiIsOneClearLineAndExitOne() {
        // any variable that is set stands in for a token: the request never reaches a server
        CliRun r = run("sync", "copilot", "--enterprise", "acme", "--token-env", "PATH", "--api-url", "http://127.0.0.1:9/", "--days", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("\nvigia: cannot reach 127.0.0.1");
    }

    @Test
    void anOrganizationOrAnEnterpriseIsRequired() {
        assertThat(run("sync", "copilot").exit()).isEqualTo(2);
        assertThat(run("sync", "copilot", "--org", "a", "--enterprise", "b").exit()).isEqualTo(2);
        assertThat(run("sync", "copilot", "--org", "a", "--token-env", "PATH", "--max-wait", "soon").exit()).isEqualTo(2);
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void aRecordedSyncPrintsItsProgressToStderrAndStoresTheReports() throws IOException {
        byte[] org = Files.readAllBytes(DIR.resolve("cmv-newapi-organization-1-day-report.json"));
        byte[] seats = Files.readAllBytes(DIR.resolve("cmv-organization_seats_response_sample.json"));
        List<String> paths = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            paths.add(path);
            if (path.endsWith("/organization-28-day/latest")) {
                send(ex, 200, ("{\"download_links\":[\"" + base + "/blob/org.json?sig=x\"],\"report_start_day\":\"2026-03-29\","
                        + "\"report_end_day\":\"2026-04-25\"}").getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/blob/org.json")) {
                send(ex, 200, org);
            } else if (path.endsWith("/copilot/billing/seats")) {
                send(ex, 200, seats);
            } else if (path.contains("/copilot/metrics/reports/")) {
                send(ex, 200, "{\"download_links\":[],\"report_day\":\"2026-04-25\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                send(ex, 404, "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        try {
            CliRun r = run("sync", "copilot", "--org", "octo-org", "--token-env", "PATH", "--api-url", base, "--days", "2");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).contains("Copilot octo-org: 10 report requests for ").contains("[1/10] entity-28-day")
                    .contains("[10/10] repos-1-day").contains("9 Copilot seats listed");
            assertThat(r.out()).startsWith("Copilot octo-org: 10 report requests, 1 with data, 9 empty; 1 records added")
                    .contains("9 seats");
            assertThat(paths).contains("/blob/org.json", "/orgs/octo-org/copilot/billing/seats");
        } finally {
            server.stop(0);
        }
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            assertThat(new CopilotUsageQuery(ws).record("octo-org", LocalDate.of(2026, 4, 25), ReportKind.ENTITY, "")).isPresent();
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
