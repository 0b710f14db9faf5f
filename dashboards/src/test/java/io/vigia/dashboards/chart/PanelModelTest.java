package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.CategoryData;
import io.vigia.dashboards.chart.data.GaugeData;
import io.vigia.dashboards.chart.data.StatData;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.BarLayout;
import io.vigia.dashboards.chart.render.BarOptions;
import io.vigia.dashboards.chart.render.BarRenderer;
import io.vigia.dashboards.chart.render.LegendMode;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.SeriesStats;
import io.vigia.dashboards.chart.render.StatOptions;
import io.vigia.dashboards.chart.render.StatRenderer;
import io.vigia.dashboards.chart.render.Threshold;
import io.vigia.dashboards.chart.surface.SvgSurface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers panels show: deltas, legend stats, stacked bar extents, threshold colours. */
class PanelModelTest {

    @Test
    void statDeltaVsPreviousPeriod() {
        StatData up = new StatData("x", 110, 100, null);
        assertThat(up.delta()).isEqualTo(0.1);
        assertThat(StatRenderer.deltaText(up, StatOptions.of(Unit.NONE))).isEqualTo("▲ +10.0% vs previous period");
        assertThat(StatRenderer.deltaText(new StatData("x", 90, 100, null), StatOptions.of(Unit.NONE))).startsWith("▼ -10.0%");
        assertThat(new StatData("x", 5, 0, null).delta()).isNaN();
        assertThat(StatRenderer.deltaText(new StatData("x", 5, Double.NaN, null), StatOptions.of(Unit.NONE))).isEmpty();
        assertThat(new StatData("x", -50, -100, null).delta()).isEqualTo(0.5);
    }

    @Test
    void legendStatsIgnoreGapsAndStayInRange() {
        TimeSeriesData s = new TimeSeriesData("s", new long[]{0, 10, 20, 30, 40}, new double[]{1, Double.NaN, 5, 3, 100});
        SeriesStats st = SeriesStats.of(s, 0, 30);
        assertThat(st.last()).isEqualTo(3);
        assertThat(st.max()).isEqualTo(5);
        assertThat(st.mean()).isEqualTo(3);
        assertThat(st.count()).isEqualTo(3);
        assertThat(SeriesStats.of(s, 1000, 2000).last()).isNaN();
    }

    @Test
    void stackedBarsStackPositivesUpAndNegativesDown() {
        CategoryData d = new CategoryData(List.of("a", "b"), List.of(
                new CategoryData.Series("s1", new double[]{3, -2}),
                new CategoryData.Series("s2", new double[]{4, -5}),
                new CategoryData.Series("s3", new double[]{-1, 6})));
        BarLayout l = BarRenderer.render(new SvgSurface(400, 300), d,
                new BarOptions("", Unit.NONE, BarOptions.Mode.STACKED, BarOptions.Orientation.VERTICAL, LegendMode.LIST),
                LegendState.ALL_VISIBLE, ChartTheme.light());
        assertThat(extent(l, "a", "s1")).containsExactly(0, 3);
        assertThat(extent(l, "a", "s2")).containsExactly(3, 7);
        assertThat(extent(l, "a", "s3")).containsExactly(-1, 0);
        assertThat(extent(l, "b", "s2")).containsExactly(-7, -2);
        assertThat(extent(l, "b", "s3")).containsExactly(0, 6);
        // taller bars are taller on screen
        assertThat(bar(l, "a", "s2").bounds().height()).isGreaterThan(bar(l, "a", "s1").bounds().height());
        assertThat(l.barAt(bar(l, "b", "s3").bounds().x() + 1, bar(l, "b", "s3").bounds().y() + 1)).map(BarLayout.Bar::series).contains("s3");
    }

    @Test
    void hiddenSeriesAreNotStacked() {
        CategoryData d = new CategoryData(List.of("a"), List.of(
                new CategoryData.Series("s1", new double[]{3}), new CategoryData.Series("s2", new double[]{4})));
        BarLayout l = BarRenderer.render(new SvgSurface(400, 300), d,
                new BarOptions("", Unit.NONE, BarOptions.Mode.STACKED, BarOptions.Orientation.HORIZONTAL, LegendMode.LIST),
                LegendState.ALL_VISIBLE.toggle("s1"), ChartTheme.light());
        assertThat(l.bars()).hasSize(1);
        assertThat(extent(l, "a", "s2")).containsExactly(0, 4);
    }

    @Test
    void thresholdColourIsTheHighestStepReached() {
        ChartColor base = ChartColor.hex("#00ff00");
        List<Threshold> steps = List.of(new Threshold(80, ChartColor.hex("#ffff00")), new Threshold(90, ChartColor.hex("#ff0000")));
        assertThat(Threshold.colorFor(steps, 10, base)).isEqualTo(base);
        assertThat(Threshold.colorFor(steps, 80, base)).isEqualTo(ChartColor.hex("#ffff00"));
        assertThat(Threshold.colorFor(steps, 95, base)).isEqualTo(ChartColor.hex("#ff0000"));
        assertThat(Threshold.colorFor(steps, Double.NaN, base)).isEqualTo(base);
    }

    @Test
    void gaugeFractionClampsAndRejectsEmptyScales() {
        assertThat(new GaugeData("g", 50, 0, 200).fraction()).isEqualTo(0.25);
        assertThat(new GaugeData("g", 500, 0, 200).fraction()).isEqualTo(1);
        assertThat(new GaugeData("g", -5, 0, 200).fraction()).isEqualTo(0);
        assertThatThrownBy(() -> new GaugeData("g", 1, 5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badSeriesAreRejectedClearly() {
        assertThatThrownBy(() -> new TimeSeriesData("x", new long[]{2, 1}, new double[]{1, 1}))
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> new TimeSeriesData("x", new long[]{1}, new double[]{1, 2}))
                .hasMessageContaining("same length");
    }

    private static BarLayout.Bar bar(BarLayout l, String cat, String series) {
        return l.bars().stream().filter(b -> b.category().equals(cat) && b.series().equals(series)).findFirst().orElseThrow();
    }

    private static double[] extent(BarLayout l, String cat, String series) {
        BarLayout.Bar b = bar(l, cat, series);
        return new double[]{b.lower(), b.upper()};
    }
}
