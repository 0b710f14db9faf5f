package io.vigia.e2e;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.paint.PanelPainter;
import io.vigia.dashboards.chart.surface.Java2DSurface;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelDataLoader;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.DashboardViewModel;
import io.vigia.views.tasks.FxTaskExecutor;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load and soak on the embedded demo workspace (30 days of the fleet simulator, seed 42, in the
 * local store, queried by the embedded PromQL engine), with the chart painter onto Java2D:
 * <ul>
 * <li>200 panels (the built-in dashboards' chart and stat panels, repeated) loaded and painted;
 *     the heap retained while all 200 panels' data are held stays bounded;</li>
 * <li>auto-refresh soak compressed in time: the app's dashboard view model (real JavaFX thread,
 *     headless platform) refreshes a 12-panel built-in dashboard every simulated 30 s while the
 *     clock, and so the time range, moves; every panel is painted after each refresh; used heap
 *     after GC is sampled twelve times over the run and must not trend upward. One simulated hour
 *     (120 refreshes) runs in {@code mvn verify}; {@code -Dvigia.soak.hours=24} gives the full
 *     24 hours (2,880 refreshes, heap sampled every 240).</li>
 * </ul>
 * No timed assertions: the times are printed for docs/reliability.md.
 */
class DemoWorkspaceLoadE2ETest {
    static final Instant END = Instant.parse("2026-11-20T12:00:00Z");
    static final long RETAINED_BOUND = 256L * 1024 * 1024;

    @TempDir
    static Path dir;
    static Workspace ws;
    static SqliteSeriesStore store;
    static MetricsSource local;

    @BeforeAll
    static void demo() {
        ws = Workspace.open(dir.resolve("demo.vigia"));
        store = new SqliteSeriesStore(ws);
        long t0 = System.nanoTime();
        long samples = DemoWorkspace.load(new SettingsRepository(ws), store, END, new DemoWorkspace.Listener() {
            @Override
            public void recentReady(long n) {
            }

            @Override
            public void progress(long done, long total) {
            }
        }, () -> false);
        System.out.printf(Locale.ROOT, "demo workspace: %,d samples loaded in %d ms%n", samples, (System.nanoTime() - t0) / 1_000_000);
        local = new LocalPromqlSource("local", store);
    }

    @AfterAll
    static void close() {
        store.close();
        ws.close();
    }

    @Test
    void twoHundredPanelsLoadAndPaintWithBoundedHeap() {
        List<Panel> drawable = new ArrayList<>();
        for (Dashboard d : BuiltInDashboards.all()) {
            if (d.uid().equals(BuiltInDashboards.AI_CODING_ADOPTION)) {
                continue; // it reads GitHub usage reports, which the demo does not hold (its panels say so)
            }
            d.allPanels().stream().filter(DemoWorkspaceLoadE2ETest::chartOrStat)
                    // guardrail coverage needs a counter Vigia's contract lacks: on the demo the panel says so
                    .filter(p -> p.queries().stream().noneMatch(q -> q.expr().startsWith("@guard.coverage")))
                    .forEach(drawable::add);
        }
        List<Panel> panels = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Panel p = drawable.get(i % drawable.size());
            panels.add(p.withId(i + 1).withGrid(new GridPos((i % 2) * 12, (i / 2) * 8, 12, 8)));
        }
        Dashboard big = new Dashboard("load-200", "200 panels", List.of(), "now-7d", "now", "", List.of(), panels, List.of());
        PanelDataLoader loader = new PanelDataLoader(name -> local, DemoWorkspace.INTERVAL);
        TimeRange range = new TimeRange(END.minus(Duration.ofDays(7)), END);
        BufferedImage image = new BufferedImage(800, 400, BufferedImage.TYPE_INT_ARGB);

        long before = HeapProbe.usedAfterGc();
        HeapProbe.resetPeak();
        long t0 = System.nanoTime();
        List<PanelData> held = new ArrayList<>();
        for (Panel p : panels) {
            held.add(loader.load(big, p, range, 800, Map.of(), Map.of()));
        }
        long loaded = System.nanoTime();
        for (int i = 0; i < panels.size(); i++) {
            paint(image, panels.get(i), held.get(i), range);
        }
        long painted = System.nanoTime();
        long peak = HeapProbe.peak();
        long retained = HeapProbe.usedAfterGc() - before;

        long samples = held.stream().flatMap(d -> d.series().stream()).mapToLong(s -> s.size()).sum();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            for (String e : held.get(i).errors()) {
                errors.add(panels.get(i).title() + ": " + e);
            }
        }
        System.out.printf(Locale.ROOT, "200 panels (%d distinct): %,d series, %,d samples; load %d ms, paint %d ms; "
                        + "retained %s with all data held, peak heap %s%n", drawable.size(),
                held.stream().mapToInt(d -> d.series().size()).sum(), samples, (loaded - t0) / 1_000_000,
                (painted - loaded) / 1_000_000, HeapProbe.mb(retained), HeapProbe.mb(peak));
        assertThat(errors).isEmpty();
        assertThat(held).filteredOn(d -> !d.series().isEmpty()).hasSizeGreaterThan(190);
        assertThat(retained).isLessThan(RETAINED_BOUND);
    }

    @Test
    void autoRefreshSoakCompressedInTimeKeepsTheHeapFlat() throws Exception {
        double hours = Double.parseDouble(System.getProperty("vigia.soak.hours", "1"));
        int refreshes = (int) Math.round(hours * 3600 / 30);
        int sampleEvery = Math.max(1, refreshes / 12);
        Dashboard full = BuiltInDashboards.copilotHealth();
        Dashboard twelve = new Dashboard("soak-12", "Copilot Health, 12 panels", full.tags(), full.timeFrom(), full.timeTo(), "",
                full.variables(), full.allPanels().stream().filter(p -> p.type() != PanelType.ROW).limit(12).toList(), full.annotations());
        startFx();
        MovingClock clock = new MovingClock(END.minus(Duration.ofSeconds(30L * refreshes)));
        FxTaskExecutor executor = onFx(FxTaskExecutor::new);
        DashboardViewModel vm = onFx(() -> new DashboardViewModel(twelve, name -> local, DemoWorkspace.INTERVAL, executor.scope(),
                clock, ZoneId.of("UTC")));
        Semaphore completed = new Semaphore(0);
        onFx(() -> {
            vm.refreshesCompletedProperty().addListener((o, a, b) -> completed.release());
            return null;
        });
        BufferedImage image = new BufferedImage(600, 300, BufferedImage.TYPE_INT_ARGB);
        List<Long> heap = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 1; i <= refreshes; i++) {
            clock.advance(Duration.ofSeconds(30));
            onFx(() -> {
                vm.refresh();
                return null;
            });
            if (!completed.tryAcquire(5, TimeUnit.MINUTES)) {
                throw new AssertionError("refresh " + i + " did not complete in 5 minutes");
            }
            List<PanelData> data = onFx(() -> twelve.allPanels().stream().map(p -> vm.dataProperty(p).get()).toList());
            TimeRange range = onFx(() -> vm.range().resolvedProperty().get());
            for (int p = 0; p < data.size(); p++) {
                if (data.get(p) == null || !data.get(p).errors().isEmpty()) {
                    errors.add("refresh " + i + ", " + twelve.allPanels().get(p).title() + ": "
                            + (data.get(p) == null ? "no data" : data.get(p).errors()));
                }
                paint(image, twelve.allPanels().get(p), data.get(p), range);
            }
            if (i == 1 || i % sampleEvery == 0) {
                heap.add(HeapProbe.usedAfterGc());
            }
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;
        onFx(() -> {
            vm.close();
            return null;
        });
        executor.close();
        long first = heap.get(1); // after the first sampling interval: caches and classes are warm
        long last = heap.getLast();
        System.out.printf(Locale.ROOT, "soak: %.1f simulated hours, %d refreshes of 12 panels in %d s; used heap after GC every %d "
                        + "refreshes: %s%n", hours, refreshes, seconds, sampleEvery,
                heap.stream().map(HeapProbe::mb).toList());
        assertThat(errors).isEmpty();
        assertThat(last).as("last heap sample vs the first after warm-up").isLessThan((long) (first * 1.5) + 16L * 1024 * 1024);
    }

    private static boolean chartOrStat(Panel p) {
        return switch (p.type()) {
            case TIME_SERIES, STAT, GAUGE, BAR_CHART, BAR_GAUGE, TABLE, HEATMAP -> p.queries().stream()
                    .anyMatch(q -> !q.hidden() && !q.expr().isBlank() && q.language() == QueryLanguage.PROMQL);
            default -> false;
        };
    }

    private static void paint(BufferedImage image, Panel p, PanelData data, TimeRange range) {
        Java2DSurface surface = Java2DSurface.forImage(image, 1, true);
        PanelPainter.paint(surface, p, data, new PanelPainter.Context(range.from().toEpochMilli(), range.to().toEpochMilli(),
                ZoneOffset.UTC, ChartTheme.light(), LegendState.ALL_VISIBLE, List.of()));
    }

    private static void startFx() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        try {
            Platform.startup(latch::countDown);
        } catch (IllegalStateException alreadyRunning) {
            latch.countDown();
        }
        Platform.setImplicitExit(false);
        assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(5, TimeUnit.MINUTES);
    }

    /** The soak's clock: moved forward by the test, 30 simulated seconds a refresh. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
