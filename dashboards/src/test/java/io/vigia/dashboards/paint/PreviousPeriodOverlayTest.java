package io.vigia.dashboards.paint;

import io.vigia.dashboards.chart.render.SeriesOverride;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.query.PanelData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreviousPeriodOverlayTest {
    private static TimeSeriesData series(String name) {
        return new TimeSeriesData(name, new long[] {1, 2}, new double[] {1, 2});
    }

    @Test
    void thePreviousPeriodIsAddedDashedInTheColourOfItsCurrentSeries() {
        PanelData now = new PanelData(List.of(series("payments"), series("search")), List.of("A", "A"), Duration.ofMinutes(1),
                List.of(), List.of());
        PanelData before = new PanelData(List.of(series("search")), List.of("A"), Duration.ofMinutes(1), List.of(),
                List.of("B: timeout"), Instant.ofEpochSecond(5));
        PanelData both = now.withPreviousPeriod(before);
        assertThat(both.series()).extracting(TimeSeriesData::name).containsExactly("payments", "search", "search (previous period)");
        assertThat(both.refIds()).containsExactly("A", "A", "A@previous");
        assertThat(both.notices()).containsExactly("previous period: B: timeout");
        assertThat(both.staleSince()).isEqualTo(Instant.ofEpochSecond(5));

        ChartTheme theme = ChartTheme.light();
        var overrides = PanelPainter.previousPeriodOverrides(both, theme);
        assertThat(overrides).containsOnlyKeys("search (previous period)");
        assertThat(overrides.get("search (previous period)")).isEqualTo(new SeriesOverride(theme.seriesColor(1), true));
    }
}
