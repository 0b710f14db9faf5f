package io.vigia.datasources.prometheus;

import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.api.ApiErrorException;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.http.ConnectionTestResult;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.http.RemoteException;
import io.vigia.datasources.http.RetryPolicy;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.persistence.series.Labels;
import io.vigia.testsupport.NeedsSharedCorpus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every file of {@code shared/corpus/prometheus-api} (real responses recorded from Prometheus,
 * its docs, its OpenAPI examples and its tests, Cortex and Grafana), served by a local HTTP server
 * and read through {@link PrometheusClient}. A file without an expectation here fails the test,
 * so a new corpus file cannot be silently ignored.
 */
@NeedsSharedCorpus("corpus/prometheus-api")
class PrometheusClientRecordedResponsesTest {
    private static final Path CORPUS = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "prometheus-api");
    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);

    private MockWebServer server;
    private PrometheusClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        ConnectionSettings s = ConnectionSettings.of(SourceType.PROMETHEUS, server.url("/").toString())
                .withTimeout(Duration.ofSeconds(5));
        client = new PrometheusClient(s, new SecretResolver(new InMemorySecretStore(), n -> null), RetryPolicy.NONE);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static Stream<String> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("SOURCES.md")).sorted().toList();
            assertThat(names).as("corpus directory " + CORPUS).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void everyCorpusFileIsDecodedOrRejectedClearly(String file) throws IOException {
        FileCheck check = EXPECTATIONS.get(file);
        if (check == null) {
            fail("corpus file " + file + " has no expectation in " + getClass().getSimpleName() + "; add one");
        }
        check.run(this, CORPUS.resolve(file));
    }

    @FunctionalInterface
    interface FileCheck {
        void run(PrometheusClientRecordedResponsesTest t, Path file) throws IOException;
    }

    private void serve(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
    }

    private void serve(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
    }

    private QueryResponse query(String body) {
        serve(body);
        return client.query("up", T0);
    }

    private QueryResponse queryRange(String body) {
        serve(body);
        return client.queryRange("up", T0.minusSeconds(300), T0, Duration.ofSeconds(15));
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    /** Serves the file to the query endpoint and expects a clear "not a query result" rejection. */
    private void rejectedAsQuery(Path file, String... messageParts) throws IOException {
        serve(read(file));
        assertThatThrownBy(() -> client.query("up", T0))
                .isInstanceOf(RemoteException.class)
                .satisfies(e -> assertThat(((RemoteException) e).kind()).isEqualTo(RemoteException.Kind.BAD_RESPONSE))
                .hasMessageContaining("unexpected Prometheus response")
                .hasMessageContainingAll(messageParts);
    }

    private static QueryResult.Matrix matrix(QueryResponse r) {
        assertThat(r.result()).isInstanceOf(QueryResult.Matrix.class);
        return (QueryResult.Matrix) r.result();
    }

    private static QueryResult.Vector vector(QueryResponse r) {
        assertThat(r.result()).isInstanceOf(QueryResult.Vector.class);
        return (QueryResult.Vector) r.result();
    }

    private static final Map<String, FileCheck> EXPECTATIONS = new HashMap<>();

    static {
        EXPECTATIONS.put("cortex-results_cache_test-responses-warnings-infos.jsonl", (t, f) -> {
            List<String> lines = lines(f);
            assertThat(lines).hasSize(3);
            for (int i = 0; i < lines.size(); i++) {
                QueryResponse r = t.queryRange(lines.get(i));
                QueryResult.Matrix m = matrix(r);
                assertThat(m.series()).hasSize(1);
                QueryResult.RangeSeries s = m.series().getFirst();
                assertThat(s.labels()).isEqualTo(Labels.of("foo", "bar"));
                assertThat(s.timestamps()).containsExactly(1536673680000L, 1536673780000L);
                assertThat(s.values()).containsExactly(137, 137);
                assertThat(r.warnings()).isEqualTo(i == 1 ? List.of("test-warn") : List.of());
                assertThat(r.infos()).isEqualTo(i == 2 ? List.of("PromQL info: metric might not be a counter, name does not end"
                        + " in _total/_sum/_count/_bucket: \"go_gc_gogc_percent\" (1:6)") : List.of());
            }
        });
        EXPECTATIONS.put("grafana-testdata-range_infinity.result.json", (t, f) -> {
            QueryResult.Matrix m = matrix(t.queryRange(read(f)));
            assertThat(m.series()).singleElement().satisfies(s -> {
                assertThat(s.labels()).isEqualTo(Labels.EMPTY);
                assertThat(s.timestamps()).containsExactly(1641889530000L, 1641889531000L, 1641889532000L);
                assertThat(s.values()).containsOnly(Double.POSITIVE_INFINITY).hasSize(3);
            });
        });
        EXPECTATIONS.put("promdocs-alerts.json", (t, f) -> t.rejectedAsQuery(f, "no \"result\"", "alerts"));
        EXPECTATIONS.put("promdocs-rules.json", (t, f) -> t.rejectedAsQuery(f, "no \"result\"", "groups"));
        EXPECTATIONS.put("promdocs-targets.json", (t, f) -> t.rejectedAsQuery(f, "no \"result\"", "activeTargets"));
        EXPECTATIONS.put("promopenapi-status-tsdb.json", (t, f) -> t.rejectedAsQuery(f, "no \"result\"", "headStats"));
        EXPECTATIONS.put("promdocs-query_exemplars.json", (t, f) -> t.rejectedAsQuery(f, "query_exemplars"));
        EXPECTATIONS.put("promopenapi-query_exemplars.json", (t, f) -> t.rejectedAsQuery(f, "query_exemplars"));
        EXPECTATIONS.put("promopenapi-search-metric_names.ndjson", (t, f) -> t.rejectedAsQuery(f, "NDJSON"));
        EXPECTATIONS.put("promdocs-buildinfo.json", (t, f) -> {
            t.serve(read(f));
            BuildInfo b = t.client.buildInfo(CancellationToken.NONE);
            assertThat(b).isEqualTo(new BuildInfo("2.13.1", "cb7cbad5f9a2823a622aaa668833ca04f50a0ea7", "master",
                    "julius@desktop", "20191102-16:19:59", "go1.13.1"));
            t.serve(read(f));
            ConnectionTestResult r = t.client.testConnection();
            assertThat(r.ok()).isTrue();
            assertThat(r.message()).contains("2.13.1").doesNotContain("WARNING");
        });
        EXPECTATIONS.put("promdocs-format_query-string-data.json", (t, f) -> {
            t.serve(read(f));
            assertThat(t.client.formatQuery("foo/bar", CancellationToken.NONE)).isEqualTo("foo / bar");
        });
        EXPECTATIONS.put("promdocs-label-values.json", (t, f) -> {
            t.serve(read(f));
            assertThat(t.client.labelValues("code", List.of(), null, null)).containsExactly("200", "504");
        });
        EXPECTATIONS.put("promdocs-labels.json", (t, f) -> {
            t.serve(read(f));
            List<String> names = t.client.labelNames(List.of(), null, null);
            assertThat(names).hasSize(21).startsWith("__name__", "call").endsWith("version");
        });
        EXPECTATIONS.put("promdocs-series.json", (t, f) -> {
            t.serve(read(f));
            List<Labels> series = t.client.series(List.of("up", "process_start_time_seconds{job=\"prometheus\"}"), null, null);
            assertThat(series).hasSize(3);
            assertThat(series.getFirst()).isEqualTo(Labels.of("__name__", "up", "job", "prometheus", "instance", "localhost:9090"));
        });
        EXPECTATIONS.put("promdocs-metadata-limit2.json", (t, f) -> {
            t.serve(read(f));
            Map<String, List<MetricMetadata>> md = t.client.metadata(null, 2, CancellationToken.NONE);
            assertThat(md).containsOnlyKeys("cortex_ring_tokens", "http_requests_total");
            assertThat(md.get("cortex_ring_tokens")).containsExactly(new MetricMetadata("gauge", "Number of tokens in the ring", ""));
            assertThat(md.get("http_requests_total")).extracting(MetricMetadata::help)
                    .containsExactly("Number of HTTP requests", "Amount of HTTP requests");
        });
        EXPECTATIONS.put("promdocs-query-instant-vector-up.json", (t, f) -> {
            QueryResult.Vector v = vector(t.query(read(f)));
            assertThat(v.size()).isEqualTo(2);
            assertThat(v.labels()[1]).isEqualTo(Labels.of("__name__", "up", "job", "node", "instance", "localhost:9100"));
            assertThat(v.timestamps()).containsExactly(1435781451781L, 1435781451781L);
            assertThat(v.values()).containsExactly(1, 0);
        });
        EXPECTATIONS.put("promdocs-query_range-matrix-up.json", (t, f) -> {
            QueryResult.Matrix m = matrix(t.queryRange(read(f)));
            assertThat(m.series()).hasSize(2);
            assertThat(m.series().get(0).timestamps()).containsExactly(1435781430781L, 1435781445781L, 1435781460781L);
            assertThat(m.series().get(1).values()).containsExactly(0, 0, 1);
            assertThat(m.series().get(1).labels().get("instance")).isEqualTo("localhost:9091");
        });
        EXPECTATIONS.put("promopenapi-query-matrix.json", (t, f) -> {
            QueryResult.Matrix m = matrix(t.query(read(f)));
            assertThat(m.series()).singleElement().satisfies(s -> {
                assertThat(s.timestamps()).containsExactly(1767436320000L, 1767436620000L);
                assertThat(s.values()).containsExactly(1, 1);
            });
        });
        EXPECTATIONS.put("promopenapi-query_range-matrix.json", (t, f) -> {
            QueryResult.Matrix m = matrix(t.queryRange(read(f)));
            assertThat(m.series()).singleElement().satisfies(s -> assertThat(s.timestamps())
                    .containsExactly(1767433020000L, 1767434820000L, 1767436620000L));
        });
        EXPECTATIONS.put("promopenapi-query-vector.json", (t, f) -> {
            QueryResult.Vector v = vector(t.query(read(f)));
            assertThat(v.size()).isEqualTo(2);
            assertThat(v.labels()[1].get("env")).isEqualTo("demo");
            assertThat(v.timestamps()).containsOnly(1767436620000L);
        });
        EXPECTATIONS.put("promopenapi-query-scalar.json", (t, f) -> {
            // "result" comes before "resultType" in this file: the decoder must not depend on key order
            assertThat(t.query(read(f)).result()).isEqualTo(new QueryResult.Scalar(1767436620000L, 42));
        });
        EXPECTATIONS.put("promopenapi-query-native-histogram-vector.json", (t, f) -> {
            QueryResponse r = t.query(read(f));
            assertThat(vector(r).size()).isZero();
            assertThat(r.warnings()).singleElement().asString()
                    .contains("native histogram", "not supported", "http_request_duration_seconds");
        });
        EXPECTATIONS.put("promopenapi-query_range-native-histogram-matrix.json", (t, f) -> {
            QueryResponse r = t.queryRange(read(f));
            assertThat(matrix(r).series()).isEmpty();
            assertThat(r.warnings()).singleElement().asString().contains("native histogram", "1 series");
        });
        EXPECTATIONS.put("promopenapi-error-tsdb-not-ready.json", (t, f) -> {
            // "status" comes last here; served with the 503 Prometheus uses for an unready TSDB
            t.serve(503, read(f));
            assertThatThrownBy(() -> t.client.query("up", T0))
                    .isInstanceOfSatisfying(ApiErrorException.class, e -> {
                        assertThat(e.errorType()).isEqualTo("internal");
                        assertThat(e.httpStatus()).isEqualTo(503);
                        assertThat(e.serverMessage()).isEqualTo("TSDB not ready");
                    })
                    .hasMessage("Prometheus error (HTTP 503, internal): TSDB not ready");
        });
        EXPECTATIONS.put("promtest-api_test-error-responses.jsonl", (t, f) -> {
            List<String> lines = lines(f);
            assertThat(lines).hasSize(2);
            t.serve(406, lines.get(0));
            assertThatThrownBy(() -> t.client.query("up", T0)).isInstanceOfSatisfying(ApiErrorException.class, e -> {
                assertThat(e.errorType()).isEqualTo("not_acceptable");
                assertThat(e.getMessage()).contains("HTTP 406", "cannot encode response as application/default-format");
            });
            // error envelope that also carries "data": the error wins
            t.serve(503, lines.get(1));
            assertThatThrownBy(() -> t.client.query("up", T0)).isInstanceOfSatisfying(ApiErrorException.class, e -> {
                assertThat(e.errorType()).isEqualTo("timeout");
                assertThat(e.serverMessage()).isEqualTo("message");
            });
        });
        EXPECTATIONS.put("promtest-json_codec-golden-responses.jsonl", PrometheusClientRecordedResponsesTest::jsonCodecGolden);
        EXPECTATIONS.put("prometheus-promql-annotation-messages.json", (t, f) -> {
            // Not a response: message templates that appear in "warnings"/"infos". Each one is
            // embedded in a response and must reach QueryResponse unchanged (quotes, %q and all).
            Object tree = io.vigia.datasources.api.ApiJson.tree(parserAt(read(f)));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> messages = (List<Map<String, Object>>) ((Map<String, Object>) tree).get("messages");
            assertThat(messages).hasSize(22);
            List<String> warnings = new java.util.ArrayList<>();
            List<String> infos = new java.util.ArrayList<>();
            for (Map<String, Object> m : messages) {
                String text = m.values().stream().filter(v -> v instanceof String s && s.startsWith("PromQL "))
                        .map(String.class::cast).findFirst().orElseThrow(() -> new AssertionError("no message in " + m));
                (text.startsWith("PromQL info") ? infos : warnings).add(text);
            }
            assertThat(warnings).isNotEmpty();
            assertThat(infos).isNotEmpty();
            String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]},\"warnings\":"
                    + jsonArray(warnings) + ",\"infos\":" + jsonArray(infos) + "}";
            QueryResponse r = t.query(body);
            assertThat(r.warnings()).isEqualTo(warnings);
            assertThat(r.infos()).isEqualTo(infos);
        });
        EXPECTATIONS.put("prometheus-openapi-3.1-golden.yaml", (t, f) -> {
            // Not a response: Prometheus's OpenAPI spec (YAML). Served as if it were one, it is
            // rejected as "not a Prometheus API response".
            String yaml = read(f);
            assertThat(yaml).startsWith("openapi: 3.1");
            t.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/yaml").body(yaml).build());
            assertThatThrownBy(() -> t.client.query("up", T0))
                    .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.BAD_RESPONSE))
                    .hasMessageContaining("not a Prometheus API response: expected a JSON object")
                    .hasMessageContaining("openapi: 3.1.0");
        });
    }

    private static tools.jackson.core.JsonParser parserAt(String json) {
        tools.jackson.core.JsonParser p = io.vigia.datasources.api.ApiJson.parser(json.getBytes(StandardCharsets.UTF_8));
        p.nextToken();
        return p;
    }

    private static String jsonArray(List<String> strings) {
        StringBuilder sb = new StringBuilder("[");
        for (String s : strings) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        }
        return sb.append(']').toString();
    }

    private static void jsonCodecGolden(PrometheusClientRecordedResponsesTest t, Path f) throws IOException {
        List<String> lines = lines(f);
        assertThat(lines).hasSize(21);
        // 0-4: vector/matrix results; 3 and 4 hold native histograms
        QueryResult.Vector v = vector(t.query(lines.get(0)));
        assertThat(v.labels()).extracting(Labels::metricName).containsExactly("foo", "bar");
        assertThat(v.timestamps()).containsExactly(1000L, 2000L);
        assertThat(v.values()).containsExactly(1, 2);
        assertThat(matrix(t.queryRange(lines.get(1))).series()).extracting(QueryResult.RangeSeries::size).containsExactly(1, 1);
        assertThat(matrix(t.queryRange(lines.get(2))).series()).singleElement()
                .satisfies(s -> assertThat(s.timestamps()).containsExactly(1000L));
        QueryResponse hist = t.queryRange(lines.get(3));
        assertThat(matrix(hist).series()).isEmpty();
        assertThat(hist.warnings()).singleElement().asString().contains("native histogram", "foo");
        // 4-18: Prometheus's bare-point scalar form "data":[ts,"v"]; timestamps in exact milliseconds
        long[] ts = {0, 1, 10, 100, 1001, 1010, 1100, 12345678123456555L, -1, 0, 0, 0, 0, 0, 0};
        double[] values = {0, 20, 20, 20, 20, 20, 20, 20, 20, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 1234567.8, 0.0000012345678, 1.2345678e-67};
        for (int i = 0; i < ts.length; i++) {
            QueryResult r = t.query(lines.get(4 + i)).result();
            assertThat(r).as("line %d: %s", 5 + i, lines.get(4 + i)).isInstanceOf(QueryResult.Scalar.class);
            QueryResult.Scalar s = (QueryResult.Scalar) r;
            assertThat(s.timestamp()).as("line %d timestamp", 5 + i).isEqualTo(ts[i]);
            assertThat(Double.compare(s.value(), values[i])).as("line %d value %s", 5 + i, s.value()).isZero();
        }
        // 19-20: exemplar query results, which are not query results
        for (int i = 19; i < 21; i++) {
            t.serve(lines.get(i));
            assertThatThrownBy(() -> t.client.query("up", T0)).isInstanceOf(RemoteException.class)
                    .hasMessageContaining("query_exemplars");
        }
    }

    @Test
    void expectationsDoNotNameFilesThatDoNotExist() throws IOException {
        assertThat(corpusFiles().toList()).containsAll(EXPECTATIONS.keySet());
    }
}
