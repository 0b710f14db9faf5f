package io.vigia.views.reports;

import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.report.write.ReportFormat;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.reports.GeneratedReport;
import io.vigia.persistence.reports.GeneratedReportRepository;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.chart.JavaFxToolkit;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.ProgressSink;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import io.vigia.views.tasks.TaskExecutor;
import io.vigia.views.tasks.TaskHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;

/** The Reports page's view model over a demo workspace, with the real JavaFX toolkit (headless) for the preview image. */
@ExtendWith(JavaFxToolkit.class)
class ReportsViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    static Path dir;
    static Workspace ws;
    static SqliteSeriesStore store;

    @BeforeAll
    static void demo() {
        ws = Workspace.open(dir.resolve("demo.vigia"));
        store = new SqliteSeriesStore(ws);
        DemoWorkspace.load(new SettingsRepository(ws), store, NOW, new DemoWorkspace.Listener() {
            @Override
            public void recentReady(long samples) {
            }

            @Override
            public void progress(long done, long all) {
            }
        }, () -> false);
    }

    @AfterAll
    static void close() {
        store.close();
        ws.close();
    }

    private static ReportsViewModel viewModel(TaskExecutor executor, Path out, List<Double> progress) {
        ReportsViewModel vm = new ReportsViewModel(new DashboardStore(ws), () -> new LocalPromqlSource("local", store),
                DemoWorkspace.INTERVAL, new GeneratedReportRepository(ws), new SettingsRepository(ws), executor.scope(),
                Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Madrid"), out, Runnable::run);
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        return vm;
    }

    @Test
    void previewsExportsAndKeepsTheHistory() throws Exception {
        Path out = dir.resolve("manual");
        List<Double> progress = new ArrayList<>();
        ReportsViewModel vm = viewModel(new SameThreadTaskExecutor(), out, progress);
        vm.refresh();
        assertThat(vm.dashboards()).extracting(ReportsViewModel.DashboardChoice::uid)
                .containsExactly("copilot-health", "ai-coding-adoption", "guardrails", "model-drift", "service-latency");
        assertThat(vm.dashboardProperty().get().uid()).isEqualTo("copilot-health");
        assertThat(vm.weekProperty().get()).as("default: the last complete week").isEqualTo("2026-W47");

        vm.preview();
        assertThat(vm.previewProperty().get()).isNotNull();
        assertThat(vm.previewProperty().get().width()).isGreaterThan(500);
        assertThat(vm.previewInfoProperty().get()).startsWith("Page 1 of ").contains("6 key numbers");
        assertThat(vm.busyProperty().get()).isFalse();

        vm.formatProperty(ReportFormat.PNG).set(true);
        vm.export();
        assertThat(vm.statusProperty().get()).startsWith("Wrote ").contains(out.toString());
        assertThat(out.resolve("copilot-health-2026-W47.pdf")).isRegularFile();
        assertThat(out.resolve("copilot-health-2026-W47.html")).isRegularFile();
        assertThat(out.resolve("copilot-health-2026-W47-csv").resolve("kpis.csv")).isRegularFile();
        assertThat(out.resolve("copilot-health-2026-W47-png")).isDirectoryContaining("glob:**.png");
        assertThat(progress).contains(1.0).anyMatch(p -> p > 0 && p < 1);
        assertThat(vm.generated()).filteredOn(g -> g.directory().equals(out)).singleElement().satisfies(g -> {
            assertThat(g.week()).isEqualTo("2026-W47");
            assertThat(g.formats()).isEqualTo("pdf,html,csv,png");
            assertThat(g.trigger()).isEqualTo(GeneratedReport.MANUAL);
            assertThat(g.files()).allMatch(Files::exists);
        });

        // the history is in the workspace: a new view model (the next start of the app) lists it
        ReportsViewModel again = viewModel(new SameThreadTaskExecutor(), out, new ArrayList<>());
        again.refresh();
        GeneratedReport written = vm.generated().getFirst();
        assertThat(again.generated()).extracting(GeneratedReport::id).contains(written.id());
        again.forget(again.generated().stream().filter(g -> g.id() == written.id()).findFirst().orElseThrow());
        assertThat(again.generated()).extracting(GeneratedReport::id).doesNotContain(written.id());
        assertThat(new GeneratedReportRepository(ws).recent(50)).extracting(GeneratedReport::id).doesNotContain(written.id());
    }

    @Test
    void invalidChoicesAreExplainedAndNothingRuns() {
        ReportsViewModel vm = viewModel(new SameThreadTaskExecutor(), dir.resolve("invalid"), new ArrayList<>());
        vm.refresh();
        vm.weekProperty().set("2026-W60");
        vm.export();
        assertThat(vm.statusProperty().get()).contains("2026 has ISO weeks 1 to 53, not 60");
        vm.weekProperty().set("2026-W47");
        vm.zoneProperty().set("Mars/Olympus");
        vm.export();
        assertThat(vm.statusProperty().get()).contains("\"Mars/Olympus\" is not a time zone");
        vm.zoneProperty().set("UTC");
        for (ReportFormat f : ReportFormat.values()) {
            vm.formatProperty(f).set(false);
        }
        vm.export();
        assertThat(vm.statusProperty().get()).isEqualTo("Choose at least one format.");
        assertThat(dir.resolve("invalid")).doesNotExist();
        assertThat(vm.generated()).isEmpty();
    }

    /** Runs each task on the caller's thread with the user's cancel already pressed. */
    static final class CancelledExecutor implements TaskExecutor {
        @Override
        public <T> TaskHandle submit(BackgroundTask<T> task) {
            ProgressSink sink = new ProgressSink() {
                @Override
                public void progress(long done, long total) {
                }

                @Override
                public void message(String message) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            try {
                task.successHandler().accept(task.work().run(sink));
            } catch (CancellationException e) {
                task.cancelHandler().run();
            } catch (Exception e) {
                task.failureHandler().accept(e);
            }
            return TaskHandle.of(() -> { }, () -> true);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aCancelledExportWritesNothingAndIsNotInTheHistory() {
        Path out = dir.resolve("cancelled");
        ReportsViewModel vm = viewModel(new SameThreadTaskExecutor(), out, new ArrayList<>());
        vm.refresh();
        ReportsViewModel cancelled = new ReportsViewModel(new DashboardStore(ws), () -> new LocalPromqlSource("local", store),
                DemoWorkspace.INTERVAL, new GeneratedReportRepository(ws), new SettingsRepository(ws), new CancelledExecutor().scope(),
                Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Madrid"), out, Runnable::run);
        cancelled.dashboards().setAll(vm.dashboards());
        cancelled.dashboardProperty().set(vm.dashboardProperty().get());
        cancelled.export();
        assertThat(cancelled.statusProperty().get()).isEqualTo("Cancelled");
        assertThat(cancelled.busyProperty().get()).isFalse();
        assertThat(out).doesNotExist();
        assertThat(new GeneratedReportRepository(ws).recent(10)).noneMatch(g -> g.directory().equals(out));
    }

    @Test
    void theScheduleWritesLastWeekOnceWhenDue() {
        Path out = dir.resolve("scheduled");
        ReportsViewModel vm = viewModel(new SameThreadTaskExecutor(), out, new ArrayList<>());
        vm.refresh();
        vm.formatProperty(ReportFormat.HTML).set(false);
        vm.formatProperty(ReportFormat.CSV).set(false);
        // Monday 09:00 in Madrid is 08:00 UTC, the clock's time: a 10:00 run is not due yet
        vm.saveSchedule(new ReportSchedule(true, DayOfWeek.MONDAY, LocalTime.of(10, 0)));
        assertThat(vm.checkSchedule()).isFalse();
        vm.saveSchedule(new ReportSchedule(true, DayOfWeek.MONDAY, LocalTime.of(9, 0)));
        assertThat(vm.checkSchedule()).isTrue();
        assertThat(vm.generated()).first().satisfies(g -> {
            assertThat(g.trigger()).isEqualTo(GeneratedReport.SCHEDULE);
            assertThat(g.week()).isEqualTo("2026-W47");
            assertThat(g.directory()).isEqualTo(out);
        });
        assertThat(out.resolve("copilot-health-2026-W47.pdf")).isRegularFile();
        int entries = vm.generated().size();
        vm.checkSchedule();
        assertThat(vm.generated()).as("once per week").hasSize(entries);
        assertThat(new GeneratedReportRepository(ws).recent(50)).filteredOn(g -> g.trigger().equals(GeneratedReport.SCHEDULE))
                .hasSize(1);
        // the schedule is a workspace setting
        assertThat(ReportSchedule.fromSettings(new SettingsRepository(ws).all()))
                .isEqualTo(new ReportSchedule(true, DayOfWeek.MONDAY, LocalTime.of(9, 0)));
    }
}
