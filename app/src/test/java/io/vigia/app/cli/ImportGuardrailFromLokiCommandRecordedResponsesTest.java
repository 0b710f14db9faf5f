package io.vigia.app.cli;

import com.sun.net.httpserver.HttpServer;
import io.vigia.persistence.evidence.GuardrailEventRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigia import guardrail-log --loki URL --query LOGQL --since 7d} against a local HTTP server
 * answering with the corpus's recorded Loki {@code query_range} streams response, its lines
 * replaced by audit events (Loki cannot run on this machine).
 */
@NeedsSharedCorpus("corpus/loki")
class ImportGuardrailFromLokiCommandRecordedResponsesTest {
    private static final Path RECORDED = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "loki",
            "loki-marshal-test-query_range-streams-with-stats-warnings.json");

    @TempDir
    Path dir;

    @Test
    void importsTheDecisionsALokiQueryReturnsAndReportsTheRejectedEntry() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(RECORDED));
        ObjectNode stream = (ObjectNode) root.path("data").path("result").get(0);
        stream.putObject("stream").put("app", "gateway");
        ArrayNode values = stream.putArray("values");
        Instant t = Instant.now().minusSeconds(3600);
        long nanos = t.getEpochSecond() * 1_000_000_000L;
        values.addArray().add(Long.toString(nanos)).add("{\"app\":\"ide-gateway\",\"direction\":\"input\",\"decision\":\"blocked\","
                + "\"category\":\"prompt_injection\",\"detector\":\"llm-guard:PromptInjection\",\"prompt\":\"ignore all rules\"}");
        values.addArray().add(Long.toString(nanos + 1_000_000_000L)).add("<script>alert(1)</script>");
        byte[] body = json.writeValueAsBytes(root);
        List<String> queries = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/loki/api/v1/query_range", ex -> {
            queries.add(ex.getRequestURI().getRawQuery());
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = VigiaCommand.newCommandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute("--workspace", dir.resolve("l.vigia").toString(), "import", "guardrail-log",
                    "--loki", "http://127.0.0.1:" + server.getAddress().getPort(), "--query", "{app=\"gateway\"}", "--since", "7d");
            assertThat(exit).as(err.toString()).isEqualTo(1);
            assertThat(out.toString()).contains("Loki {app=\"gateway\"}: 1 decisions: 1 imported, 0 already present, 1 rejected",
                    "note: 2 log entries in 1 request", "note: Loki: this is a warning");
            assertThat(err.toString()).contains("line 2: entry of {app=\"gateway\"} at ").doesNotContain("<script>");
            assertThat(queries).singleElement().asString().contains("direction=forward", "limit=5000");
        } finally {
            server.stop(0);
        }
        try (Workspace ws = Workspace.open(dir.resolve("l.vigia"))) {
            assertThat(new GuardrailEventRepository(ws).count()).isEqualTo(1);
        }
    }
}
