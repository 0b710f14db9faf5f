package io.vigia.views.dashboards;

import io.vigia.dashboards.chart.data.BaselineBands;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.store.DashboardStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The usual band turned on and off on an open dashboard, without a scene. */
class SeasonalBandToggleTest {
    @TempDir
    Path dir;

    private static BaselineBands baseline(DashboardViewModel vm) {
        Panel p = vm.dashboard().panels().getFirst();
        return vm.dataProperty(p).get().baseline();
    }

    @Test
    void turningTheBandOnLoadsItWithThePanelAndSavesTheOptionWithTheDashboard() {
        try (LoadHistory h = new LoadHistory(dir.resolve("w.vigia"), 40)) {
            DashboardStore store = new DashboardStore(h.workspace);
            store.save(LoadHistory.dashboard());
            DashboardViewModel vm = h.open(store.load("load").orElseThrow());
            vm.editing().setSaver(store::save);
            vm.refresh();
            assertThat(baseline(vm)).isEqualTo(BaselineBands.NONE);

            vm.setSeasonalBand(1, true);
            assertThat(vm.dashboard().panels().getFirst().options().graph().seasonalBand()).isTrue();
            assertThat(baseline(vm).bands()).extracting(BaselineBands.SeriesBand::series).containsExactlyInAnyOrder("a", "b");
            assertThat(baseline(vm).note()).isEmpty();
            assertThat(store.load("load").orElseThrow().panels().getFirst().options().graph().seasonalBand())
                    .as("saved with the dashboard").isTrue();

            // reopened from the workspace, the panel still asks for its band
            DashboardViewModel reopened = h.open(store.load("load").orElseThrow());
            reopened.refresh();
            assertThat(baseline(reopened).bands()).hasSize(2);

            vm.setSeasonalBand(1, false);
            assertThat(baseline(vm)).isEqualTo(BaselineBands.NONE);
            assertThat(store.load("load").orElseThrow().panels().getFirst().options().graph().seasonalBand()).isFalse();
        }
    }

    @Test
    void withTooLittleHistoryThePanelSaysSoAndDrawsNoBand() {
        try (LoadHistory h = new LoadHistory(dir.resolve("w.vigia"), 9)) {
            DashboardViewModel vm = h.open(LoadHistory.dashboard());
            vm.refresh();
            vm.setSeasonalBand(1, true); // no saver: kept while the dashboard is open
            assertThat(vm.dashboard().panels().getFirst().options().graph().seasonalBand()).isTrue();
            assertThat(baseline(vm).bands()).isEmpty();
            assertThat(baseline(vm).note()).startsWith("No usual band yet");
            assertThat(vm.dataProperty(vm.dashboard().panels().getFirst()).get().series()).as("the series are still drawn").hasSize(2);
        }
    }
}
