package io.vigia.e2e;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.ingest.OpenMetricsImporter;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same backfilled data in a real Prometheus (Debian's 2.42, fed by promtool) and in a Vigia
 * workspace (imported with {@code vigia import openmetrics}'s importer); every query must return the
 * same series with the same timestamps and values within a relative error of 1e-9.
 *
 * <p>Prometheus 2.x includes the left end of a range selector where 3.x (and Vigia) exclude it:
 * every sample here sits a few hundred milliseconds off the whole seconds that step boundaries and
 * range starts fall on, so the two rules select the same samples. docs/promql-compatibility.md lists
 * the differences met.
 */
@NeedsProgram({"prometheus", "promtool"})
class EmbeddedEngineVsPrometheusE2ETest {
    static final long T0 = 1_700_000_000_000L;
    static final int SAMPLES = 6 * 240; // six hours at 15 s
    static final Instant START = Instant.ofEpochMilli(T0 + 30 * 60_000L);
    static final Instant END = Instant.ofEpochMilli(T0 + 5 * 3_600_000L + 30 * 60_000L);
    static final Duration STEP = Duration.ofSeconds(60);

    static final List<String> QUERIES = List.of(
            "http_requests_total",
            "rate(http_requests_total[5m])",
            "increase(http_requests_total[10m])",
            "irate(http_requests_total[5m])",
            "idelta(node_load1[5m])",
            "delta(node_load1[10m])",
            "sum by (code) (rate(http_requests_total[5m]))",
            "avg without (instance) (node_load1)",
            "max(node_load1) - min(node_load1)",
            "topk(2, node_load1)",
            "bottomk(1, rate(http_requests_total[5m]))",
            "quantile(0.9, node_load1)",
            "stddev(node_load1)",
            "stdvar by (job) (node_load1)",
            "count_values(\"v\", floor(node_load1))",
            "group by (instance) (node_load1)",
            "count by (code) (http_requests_total)",
            "histogram_quantile(0.95, sum by (le, service) (rate(http_request_duration_seconds_bucket[5m])))",
            "histogram_quantile(0.5, rate(http_request_duration_seconds_bucket[10m]))",
            "rate(http_request_duration_seconds_sum[5m]) / rate(http_request_duration_seconds_count[5m])",
            "node_load1 offset 10m",
            "node_load1 @ " + (T0 / 1000 + 7200),
            "rate(http_requests_total[5m] @ end())",
            "max_over_time(rate(http_requests_total[1m])[10m:1m])",
            "avg_over_time(node_load1[15m])",
            "min_over_time(node_load1[10m]) + max_over_time(node_load1[10m])",
            "sum_over_time(node_load1[10m]) / count_over_time(node_load1[10m])",
            "quantile_over_time(0.5, node_load1[10m])",
            "stddev_over_time(node_load1[10m])",
            "last_over_time(temperature[10m])",
            "present_over_time(temperature[5m])",
            "resets(http_requests_total[30m])",
            "changes(node_load1[10m])",
            "deriv(node_load1[10m])",
            "predict_linear(node_load1[10m], 600)",
            "label_replace(node_load1, \"host\", \"h-$1\", \"instance\", \"(.*)\")",
            "label_join(node_load1, \"x\", \"-\", \"instance\", \"job\")",
            "node_load1 > bool 1",
            "node_load1 > 1",
            "node_load1 < 0.5 or node_load1 > 1.5",
            "node_load1 and on (instance) (node_load1 > 1)",
            "node_load1 unless on (instance) (node_load1 > 1)",
            "rate(http_requests_total{code=\"500\"}[5m]) / ignoring (code) group_left sum without (code) (rate(http_requests_total[5m]))",
            "sum without (code) (rate(http_requests_total[5m])) * on (instance) group_right (job) node_load1",
            "absent(nonexistent_metric)",
            "absent_over_time(temperature[5m])",
            "clamp(node_load1, 0.5, 2)",
            "clamp_min(node_load1, 1) + clamp_max(node_load1, 1)",
            "abs(delta(node_load1[5m]))",
            "round(node_load1, 0.1) + ceil(node_load1) + floor(node_load1)",
            "sqrt(node_load1) + ln(node_load1) + log2(node_load1) + log10(node_load1) + exp(node_load1)",
            "sgn(deriv(node_load1[5m]))",
            "time()",
            "vector(1) + scalar(sum(node_load1)) * 2",
            "hour() + minute() + day_of_week() + day_of_month() + month() + year()",
            "timestamp(node_load1)",
            "changes(build_info[30m])",
            "max by (version) (build_info)",
            "temperature",
            "sum(rate(http_requests_total[5m])) by (job) / on (job) group_left count(node_load1) by (job)");

    private static PrometheusServer prometheus;
    private static Path dir;
    private static Workspace workspace;
    private static SqliteSeriesStore store;
    private static MetricsSource local;
    private static PrometheusClient remote;

    @BeforeAll
    static void load() throws Exception {
        dir = Files.createTempDirectory("vigia-engine-e2e-");
        Path file = dir.resolve("backfill.om");
        writeBackfill(file);
        prometheus = PrometheusServer.startWithBackfill(file);
        workspace = Workspace.open(dir.resolve("ws.vigia"));
        store = new SqliteSeriesStore(workspace);
        try (Reader r = Files.newBufferedReader(file); SeriesWriter w = store.writer()) {
            OpenMetricsImporter.importFrom(r, w, n -> { });
        }
        local = new LocalPromqlSource("local", store);
        remote = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS, prometheus.url().toString()),
                SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
    }

    @AfterAll
    static void close() {
        if (remote != null) {
            remote.close();
        }
        if (store != null) {
            store.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> rangeQueriesAgreeWithPrometheus() {
        return QUERIES.stream().map(q -> DynamicTest.dynamicTest(q, () -> {
            QueryResponse expected = remote.queryRange(q, START, END, STEP);
            QueryResponse actual = local.queryRange(q, START, END, STEP);
            assertSameResult(q, expected.result(), actual.result());
        }));
    }

    @TestFactory
    Stream<DynamicTest> instantQueriesAgreeWithPrometheus() {
        Instant at = Instant.ofEpochMilli(T0 + 3 * 3_600_000L);
        return QUERIES.stream().map(q -> DynamicTest.dynamicTest(q, () -> {
            QueryResponse expected = remote.query(q, at);
            QueryResponse actual = local.query(q, at);
            assertSameResult(q, expected.result(), actual.result(), !EMPTY_AT_INSTANT.contains(q));
        }));
    }

    @Test
    void theCliPrintsWhatPrometheusAnswers() throws Exception {
        String ws = dir.resolve("cli.vigia").toString();
        CliE2ETest.Result imp = CliE2ETest.vigia("--workspace", ws, "import", "openmetrics", dir.resolve("backfill.om").toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
        String q = "histogram_quantile(0.95, sum by (le, service) (rate(http_request_duration_seconds_bucket[5m])))";
        CliE2ETest.Result r = CliE2ETest.vigia("--workspace", ws, "query-range", "--start", Long.toString(START.getEpochSecond()),
                "--end", Long.toString(END.getEpochSecond()), "--step", "60s", q);
        assertThat(r.exit()).as(r.err()).isZero();
        QueryResponse fromCli = io.vigia.datasources.prometheus.PrometheusDecoder.query(r.out().getBytes(StandardCharsets.UTF_8));
        assertSameResult(q, remote.queryRange(q, START, END, STEP).result(), fromCli.result());
    }

    // ---- comparison ----------------------------------------------------------------------------

    /** At the instant checked, every load is above 1 and the temperature gap is over: empty is right. */
    static final List<String> EMPTY_AT_INSTANT = List.of("node_load1 unless on (instance) (node_load1 > 1)",
            "absent_over_time(temperature[5m])");

    static void assertSameResult(String q, QueryResult expected, QueryResult actual) {
        assertSameResult(q, expected, actual, true);
    }

    static void assertSameResult(String q, QueryResult expected, QueryResult actual, boolean requireData) {
        assertThat(actual.resultType()).as("result type of %s", q).isEqualTo(expected.resultType());
        Map<Labels, double[][]> e = points(expected);
        Map<Labels, double[][]> a = points(actual);
        // every query of the list has data, so that agreeing can never mean "both empty"
        if (requireData) {
            assertThat(e).as("Prometheus's answer to %s", q).isNotEmpty();
            assertThat(e.values().stream().mapToInt(p -> p[0].length).sum()).as("points of %s", q).isPositive();
        }
        assertThat(a.keySet()).as("series of %s", q).containsExactlyInAnyOrderElementsOf(e.keySet());
        for (Map.Entry<Labels, double[][]> s : e.entrySet()) {
            double[][] ep = s.getValue();
            double[][] ap = a.get(s.getKey());
            assertThat(ap[0]).as("timestamps of %s in %s", s.getKey(), q).containsExactly(ep[0]);
            for (int i = 0; i < ep[1].length; i++) {
                assertThat(close(ep[1][i], ap[1][i])).as("%s: %s at %s: Prometheus %s, Vigia %s", q, s.getKey(),
                        Instant.ofEpochMilli((long) ep[0][i]), ep[1][i], ap[1][i]).isTrue();
            }
        }
    }

    static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return Math.abs(a - b) <= 1e-9 * scale || Math.abs(a - b) < 1e-12;
    }

    private static Map<Labels, double[][]> points(QueryResult r) {
        Map<Labels, double[][]> out = new TreeMap<>();
        switch (r) {
            case QueryResult.Matrix m -> m.series().forEach(s -> {
                double[] ts = new double[s.size()];
                for (int i = 0; i < ts.length; i++) {
                    ts[i] = s.timestamps()[i];
                }
                out.put(s.labels(), new double[][] {ts, s.values()});
            });
            case QueryResult.Vector v -> {
                for (int i = 0; i < v.size(); i++) {
                    out.put(v.labels()[i], new double[][] {{v.timestamps()[i]}, {v.values()[i]}});
                }
            }
            case QueryResult.Scalar s -> out.put(Labels.EMPTY, new double[][] {{s.timestamp()}, {s.value()}});
            case QueryResult.StringValue s -> out.put(Labels.of("value", s.value()), new double[][] {{s.timestamp()}, {0}});
        }
        return out;
    }

    // ---- data ----------------------------------------------------------------------------------

    /** Deterministic series, each line's timestamp 0.137 s to 0.9 s past a whole second. */
    static void writeBackfill(Path file) throws IOException {
        Random r = new Random(20261123);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# TYPE http_requests counter\n");
            for (String instance : List.of("a", "b")) {
                for (String code : List.of("200", "500")) {
                    double v = 0;
                    for (int i = 0; i < SAMPLES; i++) {
                        v = (i % 700 == 699) ? 0 : v + r.nextInt(20) + r.nextDouble();
                        line(w, "http_requests_total{job=\"api\",instance=\"" + instance + "\",code=\"" + code + "\"}", v, ts(i, 137));
                    }
                }
            }
            w.write("# TYPE node_load1 gauge\n");
            for (String instance : List.of("a", "b", "c")) {
                double v = 1;
                for (int i = 0; i < SAMPLES; i++) {
                    v = Math.max(0.05, v + r.nextGaussian() * 0.1);
                    line(w, "node_load1{job=\"" + (instance.equals("c") ? "db" : "api") + "\",instance=\"" + instance + "\"}",
                            v, ts(i, 250 + instance.charAt(0)));
                }
            }
            w.write("# TYPE http_request_duration_seconds histogram\n");
            double[] bounds = {0.05, 0.1, 0.25, 0.5, 1, 2.5};
            for (String service : List.of("payments", "checkout")) {
                double[] cumulative = new double[bounds.length + 1];
                double sum = 0;
                double[][] lines = new double[SAMPLES][];
                for (int i = 0; i < SAMPLES; i++) {
                    int requests = 20 + r.nextInt(30);
                    for (int k = 0; k < requests; k++) {
                        double latency = Math.exp(r.nextGaussian() * 0.8 + (service.equals("payments") && i > SAMPLES / 2 ? -1.0 : -1.8));
                        sum += latency;
                        for (int b = 0; b < bounds.length; b++) {
                            if (latency <= bounds[b]) {
                                cumulative[b]++;
                            }
                        }
                        cumulative[bounds.length]++;
                    }
                    double[] snapshot = new double[bounds.length + 2];
                    System.arraycopy(cumulative, 0, snapshot, 0, cumulative.length);
                    snapshot[bounds.length + 1] = sum;
                    lines[i] = snapshot;
                }
                for (int b = 0; b <= bounds.length; b++) {
                    String le = b < bounds.length ? formatLe(bounds[b]) : "+Inf";
                    for (int i = 0; i < SAMPLES; i++) {
                        line(w, "http_request_duration_seconds_bucket{service=\"" + service + "\",le=\"" + le + "\"}", lines[i][b], ts(i, 401));
                    }
                }
                for (int i = 0; i < SAMPLES; i++) {
                    line(w, "http_request_duration_seconds_sum{service=\"" + service + "\"}", lines[i][bounds.length + 1], ts(i, 401));
                }
                for (int i = 0; i < SAMPLES; i++) {
                    line(w, "http_request_duration_seconds_count{service=\"" + service + "\"}", lines[i][bounds.length], ts(i, 401));
                }
            }
            w.write("# TYPE build_info gauge\n");
            for (int i = 0; i < SAMPLES / 2; i++) {
                line(w, "build_info{service=\"payments\",version=\"1.0.0\"}", 1, ts(i, 611));
            }
            for (int i = SAMPLES / 2; i < SAMPLES; i++) {
                line(w, "build_info{service=\"payments\",version=\"1.1.0\"}", 1, ts(i, 611));
            }
            w.write("# TYPE temperature gauge\n");
            for (int i = 0; i < SAMPLES; i++) {
                if (i < 500 || i > 580) { // a gap of twenty minutes
                    line(w, "temperature{room=\"lab\"}", 20 + Math.sin(i / 40.0) * 3, ts(i, 873));
                }
            }
            w.write("# EOF\n");
        }
    }

    private static String formatLe(double b) {
        return b == Math.rint(b) ? String.format(Locale.ROOT, "%.1f", b) : Double.toString(b);
    }

    private static long ts(int i, int offsetMs) {
        return T0 + i * 15_000L + offsetMs;
    }

    private static void line(Writer w, String series, double value, long tsMillis) throws IOException {
        w.write(series);
        w.write(' ');
        w.write(Double.toString(value));
        w.write(' ');
        w.write(String.format(Locale.ROOT, "%d.%03d", tsMillis / 1000, tsMillis % 1000));
        w.write('\n');
    }

    static List<String> queries() {
        return new ArrayList<>(QUERIES);
    }
}
