package io.vigia.views.dashboards;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.RecentRanges;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace holding only last year's data: the default range shows nothing, the banner says
 * where the data is at once, "Zoom to data" shows it and is remembered among the recent ranges.
 */
class WhereTheDataIsTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final Instant FIRST = Instant.parse("2025-04-10T06:00:00Z");
    private static final Instant LAST = Instant.parse("2025-04-12T17:58:30Z");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @TempDir
    Path dir;

    @Test
    void theBannerSaysWhereTheDataIsAndZoomToDataShowsIt() {
        try (Workspace ws = Workspace.open(dir.resolve("old.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                for (Instant t = FIRST; !t.isAfter(LAST); t = t.plus(Duration.ofMinutes(5))) {
                    w.append(Labels.of("__name__", "vigia_copilot_active_users", "team", "payments-core"), t.toEpochMilli(), 12);
                }
                w.append(Labels.of("__name__", "vigia_copilot_active_users", "team", "payments-core"), LAST.toEpochMilli(), 13);
                w.commit();
            }
            DashboardViewModel vm = new DashboardViewModel(BuiltInDashboards.copilotHealth(), n -> new LocalPromqlSource("local", store),
                    Duration.ofMinutes(5), new SameThreadTaskExecutor().scope(), Clock.fixed(NOW, MADRID), MADRID);
            vm.setRecentRanges(new RecentRanges(new SettingsRepository(ws)));
            vm.refresh();

            WhereTheDataIs.Banner banner = vm.whereTheData().bannerProperty().get();
            assertThat(banner).isNotNull();
            assertThat(banner.message()).isEqualTo("No data in Last 7 days. This source has data from 2025-04-10 to 2025-04-12.");
            assertThat(banner.zoomTo()).isEqualTo(new TimeRange(FIRST, Instant.parse("2025-04-12T17:59:00Z")));

            vm.whereTheData().zoomToData();
            assertThat(vm.range().rangeProperty().get()).isEqualTo(new RangeChoice.Absolute(banner.zoomTo()));
            assertThat(vm.whereTheData().bannerProperty().get()).as("the refresh found data").isNull();
            Panel stat = vm.dashboard().allPanels().stream().filter(p -> p.title().equals("Active users")).findFirst().orElseThrow();
            assertThat(vm.dataProperty(stat).get().series()).as("an instant panel, evaluated at the range's end")
                    .singleElement().satisfies(s -> assertThat(s.values()).containsExactly(13.0));
            assertThat(new RecentRanges(new SettingsRepository(ws)).load()).containsExactly(new RangeChoice.Absolute(banner.zoomTo()));

            // a range that again holds nothing brings the banner back; one with data hides it
            vm.range().rangeProperty().set(RangeChoice.of("now-1h", "now"));
            assertThat(vm.whereTheData().bannerProperty().get()).isNotNull();
            assertThat(vm.range().back()).isTrue();
            assertThat(vm.whereTheData().bannerProperty().get()).isNull();
        }
    }

    @Test
    void noDataAnywhereSaysSoWithoutAZoom() {
        try (Workspace ws = Workspace.open(dir.resolve("empty.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            DashboardViewModel vm = new DashboardViewModel(BuiltInDashboards.serviceLatency(), n -> new LocalPromqlSource("local", store),
                    Duration.ofMinutes(5), new SameThreadTaskExecutor().scope(), Clock.fixed(NOW, MADRID), MADRID);
            vm.refresh();
            assertThat(vm.whereTheData().bannerProperty().get()).satisfies(b -> {
                assertThat(b.message()).isEqualTo("No data in Last 7 days, and no data for this dashboard's queries at any time.");
                assertThat(b.zoomTo()).isNull();
            });
        }
    }

    @Test
    void aLoneSampleStillGetsAnHour() {
        TimeRange one = new TimeRange(LAST, LAST);
        assertThat(WhereTheDataIs.zoomRange(one)).isEqualTo(new TimeRange(Instant.parse("2025-04-12T16:59:00Z"),
                Instant.parse("2025-04-12T17:59:00Z")));
    }
}
