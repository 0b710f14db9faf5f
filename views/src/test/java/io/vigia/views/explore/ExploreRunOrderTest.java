package io.vigia.views.explore;

import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.model.SourceChoice;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.DashboardViewModel;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.ProgressSink;
import io.vigia.views.tasks.TaskExecutor;
import io.vigia.views.tasks.TaskHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs that overlap, with an executor that holds each task until the test lets it finish: a new
 * run cancels the one still going and a late answer of the old one is dropped; changing the time
 * range runs again the panes that have run.
 */
class ExploreRunOrderTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path dir;

    private Workspace workspace;
    private SqliteSeriesStore store;
    private final HeldExecutor executor = new HeldExecutor();
    private ExploreViewModel vm;

    /** Keeps submitted tasks; {@link #finish} runs one to its end on the test's thread. */
    static final class HeldExecutor implements TaskExecutor {
        final List<Held<?>> tasks = new ArrayList<>();

        static final class Held<T> implements TaskHandle {
            final BackgroundTask<T> task;
            boolean cancelled;
            boolean done;

            Held(BackgroundTask<T> task) {
                this.task = task;
            }

            @Override
            public void cancel() {
                cancelled = true;
            }

            @Override
            public boolean isDone() {
                return done;
            }

            void finish() throws Exception {
                T r = task.work().run(new ProgressSink() {
                    @Override
                    public void progress(long d, long t) {
                        // not shown
                    }

                    @Override
                    public void message(String m) {
                        // not shown
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled;
                    }
                });
                done = true;
                task.successHandler().accept(r);
            }
        }

        @Override
        public <T> TaskHandle submit(BackgroundTask<T> task) {
            Held<T> h = new Held<>(task);
            tasks.add(h);
            return h;
        }

        List<Held<?>> titled(String prefix) {
            return tasks.stream().filter(t -> t.task.title().startsWith(prefix)).toList();
        }

        void finishAll(String prefix) throws Exception {
            for (Held<?> h : titled(prefix)) {
                if (!h.done) {
                    h.finish();
                }
            }
        }

        @Override
        public void close() {
            // nothing runs
        }
    }

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(dir.resolve("order.vigia"));
        store = new SqliteSeriesStore(workspace);
        try (SeriesWriter w = store.writer()) {
            for (long t = NOW.minusSeconds(8 * 86400).toEpochMilli(); t <= NOW.toEpochMilli(); t += 60_000) {
                w.append(Labels.of("__name__", "a"), t, 1);
                w.append(Labels.of("__name__", "b"), t, 2);
            }
            w.commit();
        }
        MetricsSource local = new LocalPromqlSource("local", store);
        ExploreSources sources = new LocalOnlySources(local);
        vm = new ExploreViewModel(sources, new QueryHistory(new SettingsRepository(workspace)),
                new DashboardAppender(new DashboardStore(workspace)), executor.scope(), Clock.fixed(NOW, ZoneOffset.UTC),
                ZoneOffset.UTC);
        vm.load();
        executor.finishAll("Explore: data sources");
    }

    @AfterEach
    void close() {
        store.close();
        workspace.close();
    }

    @Test
    void aNewRunCancelsTheOneGoingAndItsLateAnswerIsDropped() throws Exception {
        vm.left().expressionProperty().set("a");
        vm.left().run();
        vm.left().expressionProperty().set("b");
        vm.left().run();
        List<HeldExecutor.Held<?>> runs = executor.titled("Explore A");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).cancelled).isTrue();
        assertThat(runs.get(1).cancelled).isFalse();
        assertThat(vm.left().runningProperty().get()).isTrue();
        runs.get(1).finish();
        assertThat(vm.left().resultProperty().get().rows()).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("2"));
        runs.get(0).finish(); // the first answer arrives late anyway
        assertThat(vm.left().resultProperty().get().rows()).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("2"));
        assertThat(vm.left().runningProperty().get()).isFalse();
    }

    @Test
    void changingTheTimeRangeRunsAgainThePanesThatHaveRun() throws Exception {
        vm.left().expressionProperty().set("a");
        vm.left().run();
        executor.finishAll("Explore A");
        assertThat(vm.left().resultProperty().get().range().from()).isEqualTo(NOW.minusSeconds(6 * 3600));
        vm.rangeProperty().set(RangeChoice.of("now-7d", "now"));
        executor.finishAll("Explore A");
        assertThat(vm.left().resultProperty().get().range().from()).isEqualTo(NOW.minusSeconds(7 * 86400));
        assertThat(executor.titled("Explore B")).as("the right pane never ran").isEmpty();
    }
}
