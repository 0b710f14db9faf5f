package io.vigia.views.explore;

import io.vigia.dashboards.model.SourceChoice;
import com.sun.net.httpserver.HttpServer;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explore on a Loki source, against recorded real Loki responses from the shared corpus served by a
 * local HTTP server (no Loki can run here): the log lines fill the logs view, label names and
 * values are completed, and Loki's plain-text parse error is underlined where it says.
 */
class ExploreLokiRecordedResponsesTest {
    private static final Path LOKI = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "loki");

    @TempDir
    Path dir;

    private HttpServer server;
    private LokiClient loki;
    private Workspace workspace;
    private ExploreViewModel vm;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> files = Map.of(
                "/loki/api/v1/labels", "lokidocs-labels.json",
                "/loki/api/v1/label/foo/values", "lokidocs-label-values.json");
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
            byte[] body;
            int status = 200;
            String type = "application/json";
            if (path.equals("/loki/api/v1/query_range") && query.contains("|=")) {
                status = 400;
                type = "text/plain; charset=utf-8";
                body = "parse error at line 1, col 16: syntax error: unexpected $end, expecting STRING".getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/loki/api/v1/query_range")) {
                body = Files.readAllBytes(LOKI.resolve("grafana-testdata-loki-streams_simple-with-stats.json"));
            } else if (files.containsKey(path)) {
                body = Files.readAllBytes(LOKI.resolve(files.get(path)));
            } else {
                status = 404;
                body = "404 page not found".getBytes(StandardCharsets.UTF_8);
                type = "text/plain";
            }
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        loki = new LokiClient(ConnectionSettings.of(SourceType.LOKI, "http://127.0.0.1:" + server.getAddress().getPort()),
                SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
        workspace = Workspace.open(dir.resolve("loki.vigia"));
        ExploreSources sources = new ExploreSources() {
            @Override
            public List<SourceChoice> list() {
                return List.of(new SourceChoice("logs", QueryLanguage.LOGQL));
            }

            @Override
            public MetricsSource metrics(String name) {
                throw new IllegalArgumentException("\"" + name + "\" is a Loki source");
            }

            @Override
            public LokiClient logs(String name) {
                return loki;
            }

            @Override
            public void close() {
                loki.close();
            }
        };
        vm = new ExploreViewModel(sources, new QueryHistory(new SettingsRepository(workspace)),
                new DashboardAppender(new DashboardStore(workspace)), new SameThreadTaskExecutor().scope(),
                Clock.fixed(Instant.parse("2022-02-16T17:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);
        vm.load();
    }

    @AfterEach
    void stop() {
        loki.close();
        server.stop(0);
        workspace.close();
    }

    @Test
    @NeedsSharedCorpus("corpus/loki")
    void logLinesFillTheLogsViewNewestFirstAsTheyCame() {
        QueryPaneViewModel pane = vm.left();
        assertThat(pane.language()).isEqualTo(QueryLanguage.LOGQL);
        pane.expressionProperty().set("{location=\"moon🌙\"}");
        assertThat(pane.errorProperty().get()).as("LogQL is left to the server").isNull();
        pane.run();
        ExploreResult r = pane.resultProperty().get();
        assertThat(r).isNotNull();
        assertThat(r.series()).isEmpty();
        assertThat(r.logs()).extracting(ExploreResult.LogRow::line).contains("log line error 1", "log line info 1");
        assertThat(r.logs()).isSortedAccordingTo((a, b) -> Long.compare(b.timestamp(), a.timestamp()));
        assertThat(r.logs().getFirst().stream().get("location")).isEqualTo("moon🌙");
        assertThat(pane.statusProperty().get()).endsWith("log lines");
    }

    @Test
    @NeedsSharedCorpus("corpus/loki")
    void completesLokiLabelNamesAndValues() {
        QueryPaneViewModel pane = vm.left();
        pane.expressionProperty().set("{");
        pane.complete(1);
        assertThat(pane.completions()).extracting(Completion::label).containsExactly("bar", "baz", "foo");
        pane.expressionProperty().set("{foo=\"");
        pane.complete(6);
        assertThat(pane.completions()).extracting(Completion::label).containsExactly("axolotl", "cat", "dog");
        pane.expressionProperty().set("count_over");
        pane.complete(10);
        assertThat(pane.completions()).extracting(Completion::label).containsExactly("count_over_time");
        assertThat(pane.completions().getFirst().description()).contains("log lines");
    }

    @Test
    void lokisParseErrorIsUnderlinedWhereItSays() {
        QueryPaneViewModel pane = vm.left();
        pane.expressionProperty().set("{app=\"🌙\"} |= ");
        pane.run();
        QueryError e = pane.errorProperty().get();
        assertThat(e).isNotNull();
        assertThat(e.fromServer()).isTrue();
        assertThat(e.message()).contains("parse error at line 1, col 16");
        // Loki counts characters: column 16 is past the end (the moon is one character, two chars in Java)
        assertThat(e.start()).isEqualTo("{app=\"🌙\"} |= ".length() - 1);
        assertThat(e.hasPosition()).isTrue();
    }
}
