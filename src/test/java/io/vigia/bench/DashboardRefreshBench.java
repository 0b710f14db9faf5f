package io.vigia.bench;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelDataLoader;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.datasources.simulator.OpenMetricsBackfillWriter;
import io.vigia.e2e.PrometheusServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A 12-panel dashboard (the first twelve panels of Copilot Health: six stat tiles, each with its
 * previous-period query, and six charts) refreshed against a real Prometheus (Debian 2.42) that
 * holds the simulator's 15 days (seed 42, 5 min) backfilled by promtool, over the last 7 days at
 * 600 px per panel, as the app loads it: {@link PanelDataLoader} through {@link PrometheusClient}.
 * Sequential (the baseline) loads one panel after another; parallel puts each panel on its own
 * virtual thread, as the app's task executor does. {@code slowestPanelAlone} is the panel that
 * took longest when each was timed alone in setup: the goal is parallel ≤ 1.2× it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class DashboardRefreshBench {
    static final Instant END = Instant.parse("2026-11-20T12:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(15));
    static final Duration INTERVAL = Duration.ofMinutes(5);
    static final int PANELS = 12;
    static final int WIDTH_PX = 600;

    private PrometheusServer prometheus;
    private PrometheusClient remote;
    private PanelDataLoader loader;
    private Dashboard dashboard;
    private List<Panel> panels;
    private Panel slowest;
    private TimeRange range;
    private ExecutorService threads;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("vigia-bench-refresh-");
        Path file = dir.resolve("fleet.om");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            FleetSimulator.run(42, START.toEpochMilli(), END.toEpochMilli(), INTERVAL.toMillis(), new OpenMetricsBackfillWriter(w));
        }
        prometheus = PrometheusServer.startWithBackfill(file);
        Files.delete(file);
        remote = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS, prometheus.url().toString())
                .withTimeout(Duration.ofMinutes(2)), SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
        loader = new PanelDataLoader(name -> remote, INTERVAL);
        dashboard = BuiltInDashboards.copilotHealth();
        panels = dashboard.allPanels().subList(0, PANELS);
        range = new TimeRange(END.minus(Duration.ofDays(7)), END);
        threads = Executors.newVirtualThreadPerTaskExecutor();
        for (Panel p : panels) {
            PanelData d = load(p);
            if (!d.errors().isEmpty() || d.series().isEmpty()) {
                throw new IllegalStateException(p.title() + ": no data from Prometheus " + d.errors());
            }
        }
        slowest = slowestAlone();
    }

    /** Each panel timed alone, five times after one warm-up; the one with the highest median. */
    private Panel slowestAlone() {
        Panel worst = null;
        long worstNanos = -1;
        for (Panel p : panels) {
            load(p);
            long[] t = new long[5];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                load(p);
                t[i] = System.nanoTime() - t0;
            }
            Arrays.sort(t);
            if (t[2] > worstNanos) {
                worstNanos = t[2];
                worst = p;
            }
        }
        System.out.printf("slowest panel alone: %s (median %.1f ms)%n", worst.title(), worstNanos / 1e6);
        return worst;
    }

    private PanelData load(Panel p) {
        return loader.load(dashboard, p, range, WIDTH_PX, Map.of(), Map.of());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        threads.shutdownNow();
        remote.close();
        prometheus.close();
    }

    @Benchmark
    public Object baselineSequential() {
        List<PanelData> out = new ArrayList<>(PANELS);
        for (Panel p : panels) {
            out.add(load(p));
        }
        return out;
    }

    @Benchmark
    public Object parallel() throws Exception {
        List<Future<PanelData>> futures = new ArrayList<>(PANELS);
        for (Panel p : panels) {
            futures.add(threads.submit(() -> load(p)));
        }
        List<PanelData> out = new ArrayList<>(PANELS);
        for (Future<PanelData> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    @Benchmark
    public Object slowestPanelAlone() {
        return load(slowest);
    }
}
