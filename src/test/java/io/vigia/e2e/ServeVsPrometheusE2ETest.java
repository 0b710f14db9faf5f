package io.vigia.e2e;

import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.prometheus.PrometheusDecoder;
import io.vigia.persistence.series.Labels;
import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigia serve} answering Debian's promtool as a real Prometheus holding the same samples
 * does: the same OpenMetrics file is backfilled into Prometheus 2.42 with promtool and imported into
 * a workspace with {@code vigia import openmetrics}; every sample sits 137-900 ms past a whole
 * second, off the step boundaries, so Prometheus 2.x's closed range start selects what 3.x's (and
 * Vigia's) open one does (docs/promql-compatibility.md). Values must agree within a relative 1e-9.
 */
@NeedsProgram({"prometheus", "promtool"})
class ServeVsPrometheusE2ETest {
    static final long START = EmbeddedEngineVsPrometheusE2ETest.START.getEpochSecond();
    static final long END = EmbeddedEngineVsPrometheusE2ETest.END.getEpochSecond();

    /** Rate by label, p95 from a histogram, topk, a subquery, aggregations and offsets. */
    static final List<String> QUERIES = List.of(
            "sum by (code) (rate(http_requests_total[5m]))",
            "histogram_quantile(0.95, sum by (le, service) (rate(http_request_duration_seconds_bucket[5m])))",
            "topk(2, node_load1)",
            "max_over_time(rate(http_requests_total[1m])[10m:1m])",
            "avg without (instance) (node_load1)",
            "quantile(0.9, node_load1)",
            "count by (code) (http_requests_total)",
            "sum(rate(http_requests_total[5m])) by (job) / on (job) group_left count(node_load1) by (job)",
            "node_load1 offset 10m",
            // offset 15m, not 30m: a window reaching back before the first sample extrapolates differently in
            // Debian's 2.42 than since 2.51 (docs/promql-compatibility.md)
            "sum by (instance) (increase(http_requests_total[10m] offset 15m))",
            "rate(http_request_duration_seconds_sum[5m]) / rate(http_request_duration_seconds_count[5m])");

    private static Path dir;
    private static PrometheusServer prometheus;
    private static ServeProcess serve;

    @BeforeAll
    static void load() throws Exception {
        dir = Files.createTempDirectory("vigia-serve-e2e-");
        Path file = dir.resolve("backfill.om");
        EmbeddedEngineVsPrometheusE2ETest.writeBackfill(file);
        prometheus = PrometheusServer.startWithBackfill(file);
        Path ws = dir.resolve("ws.vigia");
        CliE2ETest.Result imported = CliE2ETest.vigia("--workspace", ws.toString(), "import", "openmetrics", file.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        serve = ServeProcess.start(ws, Map.of());
    }

    @AfterAll
    static void close() throws Exception {
        if (serve != null) {
            serve.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> promtoolQueryRangeAnswersAsPrometheusDoes() {
        return QUERIES.stream().map(q -> DynamicTest.dynamicTest(q, () -> {
            String[] args = {"--start", Long.toString(START), "--end", Long.toString(END), "--step", "60s"};
            JsonNode expected = promtool("range", prometheus.url(), q, args);
            JsonNode actual = promtool("range", serve.url(), q, args);
            assertSameMatrix(q, expected, actual);
        }));
    }

    @TestFactory
    Stream<DynamicTest> promtoolQueryInstantAnswersAsPrometheusDoes() {
        String at = Long.toString(START + 2 * 3600 + 17);
        return QUERIES.stream().map(q -> DynamicTest.dynamicTest(q, () -> {
            JsonNode expected = promtool("instant", prometheus.url(), q, "--time", at);
            JsonNode actual = promtool("instant", serve.url(), q, "--time", at);
            assertSameMatrix(q, expected, actual);
        }));
    }

    @Test
    void promtoolSeriesAndLabelValuesAgree() throws Exception {
        String[] range = {"--start", Long.toString(START), "--end", Long.toString(END)};
        for (String match : List.of("http_requests_total", "{__name__=~\"node_load1|temperature\"}", "build_info{version=\"1.1.0\"}")) {
            List<String> args = new ArrayList<>(List.of("--match", match));
            args.addAll(List.of(range));
            JsonNode expected = promtoolArgs("series", prometheus.url(), null, args);
            JsonNode actual = promtoolArgs("series", serve.url(), null, args);
            assertThat(labelSets(actual)).as("series %s", match).isNotEmpty().isEqualTo(labelSets(expected));
        }
        for (String label : List.of("code", "instance", "__name__", "le")) {
            JsonNode expected = promtoolArgs("labels", prometheus.url(), label, List.of(range));
            JsonNode actual = promtoolArgs("labels", serve.url(), label, List.of(range));
            assertThat(actual.toString()).as("values of %s", label).isEqualTo(expected.toString());
            assertThat(actual.size()).isPositive();
        }
    }

    @Test
    void aRealPrometheusScrapesVigiasOwnMetrics() throws Exception {
        // a query first, so that the request histogram has a series for query_range
        assertThat(promtool("range", serve.url(), "up", "--start", Long.toString(START), "--end", Long.toString(START + 60),
                "--step", "60s")).isNotNull();
        try (PrometheusServer scraper = PrometheusServer.start(Duration.ofSeconds(1), List.of(serve.target()))) {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            QueryResult up = null;
            QueryResult requests = null;
            while (System.nanoTime() < deadline) {
                up = instant(http, scraper.url(), "up{job=\"extra\"}");
                requests = instant(http, scraper.url(),
                        "vigia_http_request_duration_seconds_count{job=\"extra\",endpoint=\"/api/v1/query_range\",outcome=\"success\"}");
                if (value(up) == 1 && value(requests) >= 1) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(value(up)).as("up of vigia serve's /metrics; serve log: %s", serve.stderr()).isEqualTo(1);
            assertThat(value(requests)).as("Vigia's request histogram as Prometheus scraped it").isGreaterThanOrEqualTo(1);
            assertThat(value(instant(http, scraper.url(), "count(vigia_build_info{job=\"extra\"})"))).isEqualTo(1);
        }
    }

    // ---- promtool ------------------------------------------------------------------------------

    private static JsonNode promtool(String kind, URI server, String expr, String... args) throws Exception {
        return promtoolArgs(kind, server, expr, List.of(args));
    }

    private static JsonNode promtoolArgs(String kind, URI server, String last, List<String> args) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.add(server.toString());
        if (last != null) {
            all.add(last);
        }
        Promtool.Run r = Promtool.query(kind, all.toArray(String[]::new));
        assertThat(r.exit()).as("promtool query %s %s against %s: %s", kind, all, server, r.err()).isZero();
        return r.json();
    }

    // ---- comparison ----------------------------------------------------------------------------

    /** promtool's JSON of a matrix ({@code values}) or vector ({@code value}): series, timestamps and values. */
    static void assertSameMatrix(String q, JsonNode expected, JsonNode actual) {
        Map<String, double[][]> e = points(expected);
        Map<String, double[][]> a = points(actual);
        assertThat(e).as("Prometheus's answer to %s", q).isNotEmpty();
        assertThat(a.keySet()).as("series of %s", q).containsExactlyInAnyOrderElementsOf(e.keySet());
        for (Map.Entry<String, double[][]> s : e.entrySet()) {
            double[][] ep = s.getValue();
            double[][] ap = a.get(s.getKey());
            assertThat(ap[0]).as("timestamps of %s in %s", s.getKey(), q).containsExactly(ep[0]);
            for (int i = 0; i < ep[1].length; i++) {
                assertThat(EmbeddedEngineVsPrometheusE2ETest.close(ep[1][i], ap[1][i]))
                        .as("%s: %s at %s: Prometheus %s, Vigia %s", q, s.getKey(), ep[0][i], ep[1][i], ap[1][i]).isTrue();
            }
        }
    }

    private static Map<String, double[][]> points(JsonNode result) {
        Map<String, double[][]> out = new TreeMap<>();
        for (JsonNode s : result) {
            Map<String, String> labels = new TreeMap<>();
            s.get("metric").properties().forEach(en -> labels.put(en.getKey(), en.getValue().asString()));
            List<JsonNode> pts = new ArrayList<>();
            if (s.has("values")) {
                s.get("values").forEach(pts::add);
            } else {
                pts.add(s.get("value"));
            }
            double[][] p = new double[2][pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                p[0][i] = Math.round(pts.get(i).get(0).asDouble() * 1000);
                p[1][i] = parse(pts.get(i).get(1).asString());
            }
            out.put(labels.toString(), p);
        }
        return out;
    }

    private static double parse(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    private static List<String> labelSets(JsonNode series) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : series) {
            Map<String, String> labels = new TreeMap<>();
            s.properties().forEach(en -> labels.put(en.getKey(), en.getValue().asString()));
            out.add(labels.toString());
        }
        out.sort(String::compareTo);
        return out;
    }

    // ---- Prometheus's HTTP API, for the self-scrape check -----------------------------------------

    private static QueryResult instant(HttpClient http, URI server, String q) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(server.resolve("/api/v1/query?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        QueryResponse decoded = PrometheusDecoder.query(r.body());
        return decoded.result();
    }

    private static double value(QueryResult r) {
        if (r instanceof QueryResult.Vector v && v.size() > 0) {
            return v.values()[0];
        }
        return Double.NaN;
    }

    static Labels labels(Map<String, String> m) {
        return Labels.of(m);
    }
}
