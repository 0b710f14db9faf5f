package io.vigia.views.dashboards;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.SqliteSeriesStore;
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

class DashboardEditingTest {
    @TempDir
    Path dir;

    @Test
    void aStatsDirectionIsSetSavedAndUndone() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        try (Workspace ws = Workspace.open(dir.resolve("k.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            DashboardStore dashboards = new DashboardStore(ws);
            DashboardViewModel vm = new DashboardViewModel(io.vigia.dashboards.builtin.BuiltInDashboards.copilotHealth(),
                    n -> new LocalPromqlSource("local", store), Duration.ofMinutes(5), new SameThreadTaskExecutor().scope(),
                    Clock.fixed(now, ZoneOffset.UTC), ZoneOffset.UTC);
            vm.editing().setSaver(dashboards::save);
            Panel stat = vm.dashboard().panels().stream().filter(p -> p.type() == io.vigia.dashboards.model.PanelType.STAT)
                    .filter(p -> p.options().stat().direction() != io.vigia.dashboards.model.KpiDirection.NEUTRAL).findFirst().orElseThrow();
            io.vigia.dashboards.model.KpiDirection was = stat.options().stat().direction();

            vm.editing().setKpiDirection(stat.id(), io.vigia.dashboards.model.KpiDirection.NEUTRAL);
            String uid = vm.dashboard().uid();
            assertThat(panel(dashboards.load(uid).orElseThrow(), stat.id()).options().stat().direction())
                    .isEqualTo(io.vigia.dashboards.model.KpiDirection.NEUTRAL);
            assertThat(panel(vm.dashboard(), stat.id()).options().stat().reducer()).as("the rest of the stat's options stay")
                    .isEqualTo(stat.options().stat().reducer());
            vm.editing().undo();
            assertThat(panel(vm.dashboard(), stat.id()).options().stat().direction()).isEqualTo(was);
        }
    }

    @Test
    void editingABuiltInSavesAnEditableCopyAfterEveryChangeWithUndoAndRedo() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        try (Workspace ws = Workspace.open(dir.resolve("e.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            DashboardStore dashboards = new DashboardStore(ws);
            DashboardViewModel vm = new DashboardViewModel(BuiltInDashboards.serviceLatency(), n -> new LocalPromqlSource("local", store),
                    Duration.ofMinutes(5), new SameThreadTaskExecutor().scope(), Clock.fixed(now, ZoneOffset.UTC), ZoneOffset.UTC);
            assertThat(vm.editing().canEdit()).isFalse();
            vm.editing().setSaver(dashboards::save);
            vm.refresh();
            Panel first = vm.dashboard().panels().getFirst();

            vm.editing().movePanel(first.id(), 6, 20);
            assertThat(vm.dashboard().uid()).isEqualTo("service-latency-copy");
            assertThat(dashboards.load("service-latency-copy")).get().satisfies(saved ->
                    assertThat(panel(saved, first.id()).grid().x()).isEqualTo(6));

            vm.editing().resizePanel(first.id(), 24, 10);
            vm.editing().duplicatePanel(first.id());
            int added = vm.editing().addPanel("Error budget", "sum(rate(http_server_request_duration_seconds_count[5m]))");
            vm.editing().updatePanel(added, "Requests", "sum(rate(http_server_request_duration_seconds_count[5m]))", "all", "reqps");
            assertThat(vm.dataProperty(panel(vm.dashboard(), added))).as("a new panel gets its data").isNotNull();
            assertThat(panel(dashboards.load("service-latency-copy").orElseThrow(), added).title()).isEqualTo("Requests");
            int panelsNow = vm.dashboard().panels().size();

            vm.editing().removePanel(added);
            assertThat(vm.dashboard().panels()).hasSize(panelsNow - 1);
            vm.editing().undo();
            assertThat(vm.dashboard().panels()).hasSize(panelsNow);
            assertThat(panel(dashboards.load("service-latency-copy").orElseThrow(), added).title()).as("undo is saved too")
                    .isEqualTo("Requests");
            vm.editing().redo();
            assertThat(vm.dashboard().panels()).hasSize(panelsNow - 1);
            assertThat(BuiltInDashboards.serviceLatency().panels().getFirst().grid()).as("the built-in is untouched")
                    .isEqualTo(first.grid());
        }
    }

    private static Panel panel(Dashboard d, int id) {
        return d.allPanels().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }
}
