package io.vigia.bench;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.e2e.PrometheusServer;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Dashboard-shaped range queries (1,000 steps) over 1,000 series at 15 s: Vigia's embedded engine
 * over its store (in-process) against a real Prometheus (Debian 2.42, the same samples backfilled
 * with promtool, queried over HTTP on loopback and decoded by Vigia's client). One day of data
 * (5.76 million samples) rather than the seven days of the goal: seven days make a 3.5 GB
 * backfill file, too much for a routine benchmark run on this machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class QueryVsPrometheusBench {
    static final long T0 = 1_700_000_000_000L;
    static final int SAMPLES = 5_760;
    static final Instant START = Instant.ofEpochMilli(T0 + 600_000L);
    static final Instant END = Instant.ofEpochMilli(T0 + 86_400_000L - 60_000L);
    static final Duration STEP = Duration.between(START, END).dividedBy(999);

    @Param({"sumRateByTeam", "p95ByService", "topk5"})
    public String query;

    private PrometheusServer prometheus;
    private Workspace workspace;
    private SqliteSeriesStore store;
    private MetricsSource local;
    private PrometheusClient remote;
    private String expr;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        expr = switch (query) {
            case "sumRateByTeam" -> "sum by (team) (rate(x_total[5m]))";
            case "p95ByService" -> "histogram_quantile(0.95, sum by (le, service) (rate(h_bucket[5m])))";
            default -> "topk(5, rate(x_total[5m]))";
        };
        Path dir = Files.createTempDirectory("vigia-bench-query-");
        Path file = dir.resolve("data.om");
        workspace = Workspace.open(dir.resolve("ws.vigia"));
        store = new SqliteSeriesStore(workspace);
        Random r = new Random(5);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); SeriesWriter sw = store.writer()) {
            for (int s = 0; s < 1_000; s++) {
                Labels l = s < 700
                        ? Labels.of("__name__", "x_total", "team", "team" + (s % 10), "instance", "i" + s)
                        : Labels.of("__name__", "h_bucket", "service", "svc" + ((s - 700) / 10),
                        "le", (s - 700) % 10 == 9 ? "+Inf" : Double.toString(0.01 * (1 << ((s - 700) % 10))));
                String name = l.toString().replace(", ", ",");
                double v = 0;
                for (int i = 0; i < SAMPLES; i++) {
                    long t = T0 + i * 15_000L + 137;
                    v += s < 700 ? r.nextInt(50) : ((s - 700) % 10 + 1) * (1 + r.nextInt(5));
                    sw.append(l, t, v);
                    w.write(name);
                    w.write(' ');
                    w.write(Double.toString(v));
                    w.write(String.format(Locale.ROOT, " %d.%03d\n", t / 1000, t % 1000));
                }
            }
            w.write("# EOF\n");
        }
        prometheus = PrometheusServer.startWithBackfill(file);
        Files.delete(file);
        local = new LocalPromqlSource("local", store);
        remote = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS, prometheus.url().toString())
                .withTimeout(Duration.ofMinutes(2)), SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
        // same answer from both, or the timings compare different work
        if (series(local) != series(remote) || series(local) == 0) {
            throw new IllegalStateException(expr + ": " + series(local) + " series locally, " + series(remote) + " from Prometheus");
        }
    }

    private int series(MetricsSource s) {
        return ((QueryResult.Matrix) s.queryRange(expr, START, END, STEP).result()).series().size();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        remote.close();
        prometheus.close();
        store.close();
        workspace.close();
    }

    @Benchmark
    public Object vigiaEmbeddedEngine() {
        return local.queryRange(expr, START, END, STEP);
    }

    @Benchmark
    public Object baselinePrometheusOverHttp() {
        return remote.queryRange(expr, START, END, STEP);
    }
}
