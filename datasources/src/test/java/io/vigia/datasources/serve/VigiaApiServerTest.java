package io.vigia.datasources.serve;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vigia.datasources.instrument.ClientJavaMetrics;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.datasources.logs.LogQueryResult;
import io.vigia.datasources.prometheus.PrometheusDecoder;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.vigia.datasources.serve.TestHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

/** The API over an in-memory store: Prometheus's envelope, codes, parameters, stats, limit, gzip, read-only routes. */
class VigiaApiServerTest {
    static final long T0 = 1_700_000_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InMemorySeriesReader store = new InMemorySeriesReader();
    private final AtomicInteger catchUps = new AtomicInteger();
    private VigiaApiServer server;
    private TestHttp http;

    @BeforeEach
    void start() throws IOException {
        for (int i = 0; i < 60; i++) {
            store.append(Labels.of("__name__", "req_total", "code", "200", "job", "api"), T0 + i * 15_000L + 137, i * 10.0);
            store.append(Labels.of("__name__", "req_total", "code", "500", "job", "api"), T0 + i * 15_000L + 137, i);
            store.append(Labels.of("__name__", "load", "instance", "a"), T0 + i * 15_000L + 250, 1 + i % 3);
            store.append(Labels.of("__name__", "load", "instance", "b"), T0 + i * 15_000L + 250, 2);
        }
        server = start(new ServedWorkspace(store, catchUps::incrementAndGet, noLogs()), ServerAuth.NONE);
        http = new TestHttp(server.url());
    }

    private VigiaApiServer start(ServedWorkspace ws, ServerAuth auth) throws IOException {
        ServeSettings settings = new ServeSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), auth,
                Duration.ofSeconds(30), "9.9.9-test");
        PrometheusRegistry registry = new PrometheusRegistry();
        return VigiaApiServer.start(settings, ws, registry, new ClientJavaMetrics(registry, "9.9.9-test"),
                Clock.fixed(Instant.ofEpochMilli(T0 + 600_000), ZoneOffset.UTC));
    }

    static LogsSource noLogs() {
        return (logql, start, end, limit, token) -> new LogQueryResult(List.of(), List.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode json(TestHttp.Reply r) {
        return JSON.readTree(r.body());
    }

    @Test
    void anInstantQueryAnswersWithPrometheussEnvelopeAndTheDefaultTimeIsNow() {
        TestHttp.Reply r = http.get("/api/v1/query?query=" + q("sum by (code) (req_total)"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"code\":\"200\"},\"value\":[1700000600,\"390\"]},"
                + "{\"metric\":{\"code\":\"500\"},\"value\":[1700000600,\"39\"]}]}}");
        assertThat(catchUps.get()).as("the store catches up before each read").isEqualTo(1);
    }

    @Test
    void aRangeQueryByPostFormMatchesTheSameByGet() {
        String form = "query=" + q("rate(req_total[1m])") + "&start=" + (T0 / 1000 + 120) + "&end=" + (T0 / 1000 + 600) + "&step=30s";
        TestHttp.Reply post = http.post("/api/v1/query_range", form);
        TestHttp.Reply get = http.get("/api/v1/query_range?" + form);
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.body()).isEqualTo(get.body());
        var result = PrometheusDecoder.query(post.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).result();
        assertThat(result).isInstanceOfSatisfying(io.vigia.datasources.api.QueryResult.Matrix.class,
                m -> assertThat(m.series()).hasSize(2).allSatisfy(s -> assertThat(s.size()).isEqualTo(17)));
    }

    @Test
    void errorsCarryPrometheussTypesMessagesAndStatusCodes() {
        TestHttp.Reply parse = http.get("/api/v1/query?query=" + q("sum(("));
        assertThat(parse.status()).isEqualTo(400);
        assertThat(json(parse).get("status").asString()).isEqualTo("error");
        assertThat(json(parse).get("errorType").asString()).isEqualTo("bad_data");
        assertThat(json(parse).get("error").asString()).startsWith("invalid parameter \"query\": 1:");

        TestHttp.Reply step = http.get("/api/v1/query_range?query=up&start=1&end=2&step=0");
        assertThat(step.status()).isEqualTo(400);
        assertThat(json(step).get("error").asString()).isEqualTo("invalid parameter \"step\": "
                + "zero or negative query resolution step widths are not accepted. Try a positive integer");

        TestHttp.Reply time = http.get("/api/v1/query?query=up&time=yesterday");
        assertThat(json(time).get("error").asString())
                .isEqualTo("invalid parameter \"time\": invalid time value for 'time': cannot parse \"yesterday\" to a valid timestamp");

        TestHttp.Reply range = http.get("/api/v1/query_range?query=" + q("load[5m]") + "&start=1&end=2&step=1");
        assertThat(range.status()).isEqualTo(400);
        assertThat(json(range).get("error").asString()).startsWith("invalid parameter \"query\": invalid expression type \"range vector\"");

        // two series become one label set: an evaluation error, 422 as Prometheus answers errorExec
        TestHttp.Reply exec = http.get("/api/v1/query?time=" + (T0 / 1000 + 300) + "&query="
                + q("label_replace(load, \"instance\", \"same\", \"instance\", \".*\")"));
        assertThat(exec.status()).isEqualTo(422);
        assertThat(json(exec).get("errorType").asString()).isEqualTo("execution");

        TestHttp.Reply series = http.get("/api/v1/series");
        assertThat(json(series).get("error").asString()).isEqualTo("no match[] parameter provided");
        TestHttp.Reply empty = http.get("/api/v1/series?match[]=" + q("{code=~\".*\"}"));
        // Prometheus's parser rejects such a selector with the same words
        assertThat(json(empty).get("error").asString())
                .isEqualTo("invalid parameter \"match[]\": 1:1: parse error: vector selector must contain at least one non-empty matcher");
    }

    @Test
    void statsReportTimingsAndSamplesRead() {
        String at = Long.toString(T0 / 1000 + 300);
        JsonNode none = json(http.get("/api/v1/query?time=" + at + "&query=" + q("sum_over_time(load[1m])")));
        assertThat(none.get("data").has("stats")).isFalse();
        JsonNode all = json(http.get("/api/v1/query?stats=all&time=" + at + "&query=" + q("sum_over_time(load[1m])")));
        JsonNode stats = all.get("data").get("stats");
        assertThat(stats.get("timings").get("evalTotalTime").asDouble()).isPositive();
        assertThat(stats.get("timings").get("execTotalTime").asDouble())
                .isGreaterThanOrEqualTo(stats.get("timings").get("evalTotalTime").asDouble());
        // (T0+240 s, T0+300 s]: the samples at 240.25, 255.25, 270.25 and 285.25 s of two series
        assertThat(stats.get("samples").get("totalQueryableSamples").asLong()).isEqualTo(8);
        assertThat(all.has("warnings")).isFalse();
        JsonNode odd = json(http.get("/api/v1/query?stats=yes&time=" + at + "&query=load"));
        assertThat(odd.get("data").has("stats")).isTrue();
        assertThat(odd.get("warnings").get(0).asString()).contains("value \"yes\" for parameter \"stats\" is deprecated");
    }

    @Test
    void limitTruncatesWithPrometheussWarning() {
        JsonNode q = json(http.get("/api/v1/query?limit=1&time=" + (T0 / 1000 + 300) + "&query=load"));
        assertThat(q.get("data").get("result")).hasSize(1);
        assertThat(q.get("warnings").get(0).asString()).isEqualTo("results truncated due to limit");
        JsonNode values = json(http.get("/api/v1/label/instance/values?limit=1"));
        assertThat(values.get("data").toString()).isEqualTo("[\"a\"]");
        assertThat(values.get("warnings").get(0).asString()).isEqualTo("results truncated due to limit");
        JsonNode bad = json(http.get("/api/v1/labels?limit=-1"));
        assertThat(bad.get("error").asString()).isEqualTo("invalid parameter \"limit\": limit must be non-negative");
    }

    @Test
    void seriesLabelsValuesMetadataAndBuildInfo() {
        assertThat(json(http.get("/api/v1/series?match[]=req_total")).get("data").toString()).isEqualTo(
                "[{\"__name__\":\"req_total\",\"code\":\"200\",\"job\":\"api\"},{\"__name__\":\"req_total\",\"code\":\"500\",\"job\":\"api\"}]");
        assertThat(json(http.post("/api/v1/labels", "match[]=load")).get("data").toString()).isEqualTo("[\"__name__\",\"instance\"]");
        assertThat(json(http.get("/api/v1/label/__name__/values")).get("data").toString()).isEqualTo("[\"load\",\"req_total\"]");
        assertThat(http.get("/api/v1/metadata").body()).isEqualTo("{\"status\":\"success\",\"data\":{}}");
        assertThat(json(http.get("/api/v1/status/buildinfo")).get("data").get("version").asString()).isEqualTo("9.9.9-test");
        assertThat(http.get("/-/healthy").status()).isEqualTo(200);
        assertThat(http.get("/-/ready").status()).isEqualTo(200);
    }

    @Test
    void gzipAndDeflateWhenAccepted() {
        TestHttp.Reply gz = http.get("/api/v1/series?match[]=load", "Accept-Encoding", "gzip, deflate");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(json(gz).get("data")).hasSize(2);
        TestHttp.Reply deflate = http.get("/api/v1/series?match[]=load", "Accept-Encoding", "deflate");
        assertThat(deflate.headers().firstValue("Content-Encoding")).hasValue("deflate");
        assertThat(http.get("/api/v1/series?match[]=load").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void nothingCanBeWrittenOrDeleted() {
        assertThat(http.post("/api/v1/admin/tsdb/delete_series", "match[]=load").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/admin/tsdb/snapshot", "").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/write", "").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/otlp/v1/metrics", "").status()).isEqualTo(404);
        assertThat(http.method("DELETE", "/api/v1/series?match[]=load").status()).isEqualTo(405);
        assertThat(http.method("PUT", "/api/v1/query?query=load").status()).isEqualTo(405);
        TestHttp.Reply values = http.post("/api/v1/label/instance/values", "");
        assertThat(values.status()).isEqualTo(405);
        assertThat(values.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(json(http.get("/api/v1/series?match[]=load")).get("data")).hasSize(2);
    }

    @Test
    void aQueryPastItsTimeoutStopsWith503() throws IOException {
        SlowReader slow = new SlowReader();
        try (VigiaApiServer s = start(new ServedWorkspace(slow, () -> { }, noLogs()), ServerAuth.NONE)) {
            long t0 = System.nanoTime();
            TestHttp.Reply r = new TestHttp(s.url()).get("/api/v1/query?timeout=200ms&query=load");
            assertThat(r.status()).isEqualTo(503);
            assertThat(json(r).get("errorType").asString()).isEqualTo("timeout");
            assertThat(json(r).get("error").asString()).isEqualTo("query timed out in expression evaluation");
            assertThat(System.nanoTime() - t0).as("answered at the deadline, not when the read ends").isLessThan(5_000_000_000L);
            assertThat(slow.interrupted.get()).as("the evaluating thread was stopped").isTrue();
        }
    }

    @Test
    void requestsAreCountedInVigiasOwnMetrics() {
        http.get("/api/v1/query?query=load&time=" + (T0 / 1000 + 300));
        http.get("/api/v1/query?query=" + q("sum(("));
        String metrics = http.get("/metrics").body();
        assertThat(metrics).contains("vigia_http_request_duration_seconds_count{endpoint=\"/api/v1/query\",outcome=\"success\"} 1")
                .contains("vigia_http_request_duration_seconds_count{endpoint=\"/api/v1/query\",outcome=\"bad_data\"} 1")
                .contains("vigia_query_series_read_total 2")
                .contains("vigia_build_info{version=\"9.9.9-test\"} 1");
    }

    /** A store whose reads block until interrupted, as a very long scan would. */
    static final class SlowReader implements io.vigia.persistence.series.SeriesReader {
        final java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public List<SeriesData> select(List<LabelMatcher> matchers, long minTime, long maxTime) {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
            }
            return List.of();
        }

        @Override
        public List<String> labelNames(List<LabelMatcher> matchers) {
            return List.of();
        }

        @Override
        public List<String> labelValues(String name, List<LabelMatcher> matchers) {
            return List.of();
        }

        @Override
        public List<Labels> series(List<LabelMatcher> matchers) {
            return List.of();
        }
    }
}
