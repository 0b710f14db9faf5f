package io.vigia.views.dashboards;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.AnnotationRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ManualAnnotationsTest {
    @TempDir
    Path dir;

    @Test
    void anAnnotationAddedOnADashboardIsShownAndStillThereNextTime() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        long at = now.minus(Duration.ofHours(2)).toEpochMilli();
        try (Workspace ws = Workspace.open(dir.resolve("a.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            DashboardViewModel vm = open(ws, store, now);
            vm.addAnnotation(at, "  incident #42: <b>rollback</b>  ");
            assertThat(vm.annotations().annotationsProperty().get()).as(vm.statusProperty().get()).extracting(Annotation::text).contains("incident #42: <b>rollback</b>");

            DashboardViewModel again = open(ws, store, now);
            assertThat(again.annotations().annotationsProperty().get()).anySatisfy(a -> {
                assertThat(a.ts()).isEqualTo(at);
                assertThat(a.color()).isEqualTo(DashboardAnnotations.MANUAL);
            });
            // another dashboard does not show it
            DashboardViewModel other = new DashboardViewModel(BuiltInDashboards.guardrails(), n -> new LocalPromqlSource("local", store),
                    Duration.ofMinutes(5), new SameThreadTaskExecutor().scope(), Clock.fixed(now, ZoneOffset.UTC), ZoneOffset.UTC);
            other.annotations().setStore(new AnnotationRepository(ws));
            other.refresh();
            assertThat(other.annotations().annotationsProperty().get()).isEmpty();
        }
    }

    private static DashboardViewModel open(Workspace ws, SqliteSeriesStore store, Instant now) {
        DashboardViewModel vm = new DashboardViewModel(BuiltInDashboards.serviceLatency(), n -> new LocalPromqlSource("local", store),
                Duration.ofMinutes(5), new SameThreadTaskExecutor().scope(), Clock.fixed(now, ZoneOffset.UTC), ZoneOffset.UTC);
        vm.annotations().setStore(new AnnotationRepository(ws));
        vm.refresh();
        return vm;
    }
}
