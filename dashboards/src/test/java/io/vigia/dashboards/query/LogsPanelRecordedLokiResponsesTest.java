package io.vigia.dashboards.query;

import com.sun.net.httpserver.HttpServer;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.paint.PanelPainter;
import io.vigia.dashboards.chart.surface.SvgSurface;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.logs.LokiLogsSource;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.http.RetryPolicy;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logs panel and the deploy flow's log lines against recorded real Loki responses
 * ({@code shared/corpus/loki}: Grafana's Loki test data and Loki's own marshalling tests; Loki
 * cannot run on this machine), served by a local {@link HttpServer} and read through the real
 * {@link LokiClient}.
 */
@NeedsSharedCorpus("corpus/loki")
class LogsPanelRecordedLokiResponsesTest {
    private static final Path CORPUS = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "loki");
    private static final Instant FROM = Instant.parse("2022-02-16T16:00:00Z");
    private static final Instant TO = Instant.parse("2022-02-16T17:00:00Z");

    private HttpServer server;
    private LokiClient client;
    private volatile byte[] body;
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private final List<Map<String, String>> requests = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            synchronized (requests) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("path", exchange.getRequestURI().getPath());
                String raw = exchange.getRequestURI().getRawQuery();
                if ("POST".equals(exchange.getRequestMethod())) {
                    raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                }
                for (String kv : raw == null ? new String[0] : raw.split("&")) {
                    int eq = kv.indexOf('=');
                    params.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
                requests.add(params);
            }
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        ConnectionSettings s = ConnectionSettings.of(SourceType.LOKI, "http://127.0.0.1:" + server.getAddress().getPort() + "/")
                .withTimeout(Duration.ofSeconds(5));
        client = new LokiClient(s, new SecretResolver(new InMemorySecretStore(), n -> null), RetryPolicy.NONE);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private void serve(String file) throws IOException {
        body = Files.readAllBytes(CORPUS.resolve(file));
        status = 200;
        contentType = "application/json";
    }

    private static Panel logsPanel(String expr) {
        return Panel.of(7, PanelType.LOGS, "Payments logs", new GridPos(0, 0, 24, 10),
                List.of(new Query("A", "loki-prod", QueryLanguage.LOGQL, expr, "", false, false, "")), FieldConfig.DEFAULT);
    }

    private PanelData load(Panel p) {
        Dashboard d = new Dashboard("d", "D", List.of(), "now-1h", "now", "", List.of(), List.of(p), List.of());
        PanelDataLoader loader = new PanelDataLoader(n -> {
            throw new AssertionError("no PromQL here");
        }, name -> {
            assertThat(name).isEqualTo("loki-prod");
            return new LokiLogsSource(client);
        }, Duration.ofSeconds(15));
        return loader.load(d, p, new TimeRange(FROM, TO), 1200, Map.of(), Map.of());
    }

    @Test
    void aLogsPanelShowsGrafanasRecordedStreamsNewestFirstAndDrawsThem() throws IOException {
        serve("grafana-testdata-loki-streams_simple-with-stats.json");
        PanelData data = load(logsPanel("{location=\"moon🌙\"} |= \"log line\""));

        assertThat(data.errors()).isEmpty();
        assertThat(data.logs()).extracting(LogLine::line).containsExactly("log line info 1", "log line info 2", "log line info 2",
                "log line info 3", "log line error 1", "log line info 4");
        assertThat(data.logs()).extracting(LogLine::ts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(data.logs().getFirst().ts()).isEqualTo(1_645_030_247_027L);
        Map<String, String> sent = requests.getFirst();
        assertThat(sent).containsEntry("path", "/loki/api/v1/query_range").containsEntry("direction", "backward")
                .containsEntry("limit", String.valueOf(PanelDataLoader.LOG_LIMIT))
                .containsEntry("query", "{location=\"moon🌙\"} |= \"log line\"")
                .containsEntry("start", FROM.getEpochSecond() + "000000000").containsEntry("end", TO.getEpochSecond() + "000000000");

        SvgSurface svg = new SvgSurface(900, 260);
        PanelPainter.paint(svg, logsPanel(""), data, new PanelPainter.Context(FROM.toEpochMilli(), TO.toEpochMilli(), ZoneOffset.UTC,
                ChartTheme.light(), LegendState.ALL_VISIBLE, List.of()));
        String drawn = svg.toSvg();
        assertThat(drawn).contains("Payments logs").contains("log line info 1").contains("2022-02-16 16:50:47.027")
                .doesNotContain("is not drawn by Vigia");
    }

    @Test
    void structuredMetadataCountsAsLabelsAndAMetricQueryOrAPlainTextErrorIsShownOnThePanel() throws IOException {
        serve("grafana-testdata-loki-streams_structured_metadata-categorize-labels.json");
        PanelData data = load(logsPanel("{location=\"moon🌙\"}"));
        assertThat(data.errors()).isEmpty();
        assertThat(data.logs()).hasSize(6);

        serve("loki-marshal-test-query_range-matrix-with-stats-warnings.json");
        PanelData metric = load(logsPanel("rate({test=\"test\"}[1m])"));
        assertThat(metric.logs()).isEmpty();
        assertThat(metric.errors()).singleElement().asString().startsWith("A: ").contains("metric query");

        body = "[interval] value exceeds limit".getBytes(StandardCharsets.UTF_8); // Loki's error bodies are plain text
        status = 400;
        contentType = "text/plain; charset=utf-8";
        PanelData failed = load(logsPanel("{test=\"test\"}"));
        assertThat(failed.errors()).singleElement().asString().contains("[interval] value exceeds limit");
        SvgSurface svg = new SvgSurface(900, 200);
        PanelPainter.paint(svg, logsPanel(""), failed, new PanelPainter.Context(FROM.toEpochMilli(), TO.toEpochMilli(),
                ZoneOffset.UTC, ChartTheme.light(), LegendState.ALL_VISIBLE, List.of()));
        assertThat(svg.toSvg()).contains("[interval] value exceeds limit");
    }

    @Test
    void theDeployFlowAsksForTheServicesLinesAroundTheDeployAndKeepsLokisWarnings() throws IOException {
        serve("loki-marshal-test-query_range-streams-with-stats-warnings.json");
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        Deploy deploy = new Deploy(at.toEpochMilli(), "pay\"ments", "v2.4.1");

        DeployLogs.Result r = DeployLogs.around(new LokiLogsSource(client), DeployLogs.LOKI_DEFAULT + " |= \"$version\"", deploy,
                Duration.ofMinutes(15), CancellationToken.NONE);

        assertThat(r.query()).isEqualTo("{service=\"pay\\\"ments\"} |= \"v2.4.1\"");
        Map<String, String> sent = requests.getFirst();
        assertThat(sent).containsEntry("query", r.query()).containsEntry("direction", "backward")
                .containsEntry("start", at.minus(Duration.ofMinutes(15)).getEpochSecond() + "000000000")
                .containsEntry("end", at.plus(Duration.ofMinutes(15)).getEpochSecond() + "000000000");
        assertThat(r.lines()).extracting(LogLine::line).containsExactly("super line with labels", "super line");
        assertThat(r.warnings()).containsExactly("this is a warning");
    }
}
