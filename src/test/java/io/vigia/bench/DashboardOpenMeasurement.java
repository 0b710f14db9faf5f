package io.vigia.bench;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.DashboardContext;
import io.vigia.views.dashboards.DashboardListPage;
import io.vigia.views.dashboards.DashboardListViewModel;
import io.vigia.views.dialogs.FxDialogService;
import io.vigia.views.tasks.FxTaskExecutor;
import io.vigia.views.tasks.TaskScope;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * On the demo workspace (30 days of the simulator, seed 42, in the local store):
 * (1) heap held per million samples of a range-query result, measured as the used heap after full
 * GCs with and without the result held; (2) a 12-panel built-in dashboard (the first twelve panels
 * of Copilot Health: six stat tiles with their previous-period queries, six charts) opened in a
 * real JavaFX scene (headless platform) at 1400×900: the time from asking to open it to the first
 * pulse after every panel has its data, five times after one warm-up.
 */
final class DashboardOpenMeasurement implements Measurement {
    @Override
    public String area() {
        return "DashboardOpen";
    }

    @Override
    public String run() throws Exception {
        Path dir = Files.createTempDirectory("vigia-bench-open-");
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        StringBuilder out = new StringBuilder();
        try (Workspace ws = Workspace.open(dir.resolve("demo.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            DemoWorkspace.load(new SettingsRepository(ws), store, now, new DemoWorkspace.Listener() {
                @Override
                public void recentReady(long samples) {
                }

                @Override
                public void progress(long done, long total) {
                }
            }, () -> false);
            MetricsSource local = new LocalPromqlSource("local", store);
            out.append(memory(local, now));
            out.append('\n').append(openTime(ws, local, now));
        }
        return out.toString();
    }

    private static String memory(MetricsSource local, Instant now) {
        String expr = "http_server_request_duration_seconds_bucket";
        Instant from = now.minus(Duration.ofDays(30));
        Duration step = Duration.ofMinutes(5);
        long before = usedAfterGc();
        QueryResult.Matrix m = (QueryResult.Matrix) local.queryRange(expr, from, now, step).result();
        long after = usedAfterGc();
        long samples = m.series().stream().mapToLong(QueryResult.RangeSeries::size).sum();
        double perMillion = (after - before) / (samples / 1e6) / (1024.0 * 1024.0);
        String row = String.format(Locale.ROOT, "| `%s`, 30 days at 5 min | %,d series | %,d samples | %.1f MB per million samples held "
                + "(goal ≤ 20 MB) |\n", expr, m.series().size(), samples, perMillion);
        if (m.series().isEmpty()) {
            throw new IllegalStateException("no data for " + expr);
        }
        return "| result | series | samples | heap held |\n|---|---:|---:|---|\n" + row;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String openTime(Workspace ws, MetricsSource local, Instant now) throws Exception {
        Dashboard full = BuiltInDashboards.copilotHealth();
        Dashboard twelve = new Dashboard("bench-12", "Copilot Health, 12 panels", full.tags(), full.timeFrom(), full.timeTo(), "",
                full.variables(), full.panels().subList(0, 12), full.annotations());
        new DashboardStore(ws).save(twelve);
        FxThread.start();
        FxTaskExecutor executor = FxThread.call(FxTaskExecutor::new);
        TaskScope scope = executor.scope();
        Stage[] stage = new Stage[1];
        DashboardListPage page = FxThread.call(() -> {
            stage[0] = new Stage();
            DashboardContext context = new DashboardContext(n -> local, DemoWorkspace.INTERVAL, Clock.fixed(now, ZoneId.of("UTC")),
                    ZoneId.of("UTC"), new SimpleBooleanProperty(false), new SimpleBooleanProperty(true), () -> { });
            DashboardListPage p = new DashboardListPage(new DashboardListViewModel(new DashboardStore(ws), scope,
                    new FxDialogService(() -> stage[0])), scope, context);
            stage[0].setScene(new Scene(new StackPane(p.view()), 1400, 900));
            stage[0].show();
            return p;
        });
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CountDownLatch painted = new CountDownLatch(1);
            long t0 = System.nanoTime();
            FxThread.call(() -> {
                page.open("bench-12");
                return null;
            });
            // the page loads the stored dashboard in the background, then refreshes its panels
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!FxThread.call(() -> page.openDashboard().map(d -> d.viewModel().refreshesCompletedProperty().get() > 0).orElse(false))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the dashboard did not fill in 2 minutes");
                }
                Thread.sleep(2);
            }
            Platform.runLater(() -> {
                Platform.requestNextPulse();
                Platform.runLater(painted::countDown);
            });
            painted.await(1, TimeUnit.MINUTES);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            boolean allData = FxThread.call(() -> page.openDashboard().orElseThrow().viewModel().dashboard().allPanels().stream()
                    .allMatch(p -> {
                        var d = page.openDashboard().orElseThrow().viewModel().dataProperty(p).get();
                        return d != null && !d.series().isEmpty() && d.errors().isEmpty();
                    }));
            if (!allData) {
                throw new IllegalStateException("a panel had no data or an error");
            }
            if (i > 0) {
                runs.add(ms);
            }
            // back to the list, so the next run opens the dashboard afresh
            FxThread.call(() -> {
                ((javafx.scene.control.Button) stage[0].getScene().getRoot().lookup("#back-to-list")).fire();
                return null;
            });
            if (FxThread.call(() -> page.openDashboard().isPresent())) {
                throw new IllegalStateException("the dashboard did not close");
            }
        }
        FxThread.call(() -> {
            stage[0].close();
            executor.close();
            return null;
        });
        long[] sorted = runs.stream().mapToLong(Long::longValue).sorted().toArray();
        return "| dashboard | runs (ms) | median |\n|---|---|---:|\n"
                + String.format(Locale.ROOT, "| 12 panels of Copilot Health, last 7 days, local store, open → every panel painted with data | %s | %d ms |\n",
                Arrays.toString(sorted), sorted[sorted.length / 2]);
    }
}
