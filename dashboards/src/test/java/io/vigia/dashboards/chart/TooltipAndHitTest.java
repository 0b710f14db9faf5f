package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.LegendMode;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.dashboards.chart.render.Tooltip;
import io.vigia.dashboards.chart.surface.SvgSurface;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The crosshair tooltip model and legend hit-testing, as the UI uses them. */
class TooltipAndHitTest {

    static final long T0 = 1_700_000_000_000L;
    // a: every minute; b: every 5 minutes with a gap at minute 20
    static final TimeSeriesData A = series("a", 0, 60_000, 61, i -> i * 1.0);
    static final TimeSeriesData B = series("b", 0, 300_000, 13, i -> i == 4 ? Double.NaN : 100.0 + i);

    interface F {
        double at(int i);
    }

    static TimeSeriesData series(String name, long offset, long step, int n, F f) {
        long[] ts = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + offset + i * step;
            v[i] = f.at(i);
        }
        return new TimeSeriesData(name, ts, v);
    }

    static TimeSeriesLayout layout(LegendState legend) {
        SvgSurface s = new SvgSurface(800, 300);
        return TimeSeriesRenderer.render(s, List.of(A, B), T0, T0 + 3_600_000, TimeSeriesOptions.defaults(ZoneOffset.UTC)
                .withLegend(LegendMode.LIST), legend, ChartTheme.light());
    }

    @Test
    void everySeriesValueAtItsNearestTimestamp() {
        TimeSeriesLayout l = layout(LegendState.ALL_VISIBLE);
        double px = l.x().toPixel(T0 + 7 * 60_000 + 10_000); // 7m10s
        Tooltip t = Tooltip.at(l, List.of(A, B), px, Unit.NONE).orElseThrow();
        assertThat(t.rows()).extracting(Tooltip.Row::series).containsExactly("a", "b");
        assertThat(t.rows().get(0).value()).isEqualTo(7.0);
        assertThat(t.rows().get(0).ts()).isEqualTo(T0 + 7 * 60_000);
        assertThat(t.rows().get(1).value()).isEqualTo(101.0); // b's nearest sample is minute 5
        assertThat(t.ts()).isEqualTo(T0 + 7 * 60_000);
        assertThat(t.rows().get(0).color()).isEqualTo(ChartTheme.light().seriesColor(0));
    }

    @Test
    void aGapShowsAsNoValue() {
        TimeSeriesLayout l = layout(LegendState.ALL_VISIBLE);
        Tooltip t = Tooltip.at(l, List.of(A, B), l.x().toPixel(T0 + 20 * 60_000), Unit.NONE).orElseThrow();
        assertThat(t.rows().get(1).value()).isNaN();
        assertThat(t.rows().get(1).formatted()).isEqualTo("–");
    }

    @Test
    void hiddenSeriesAreLeftOutAndOutsideThePlotThereIsNoTooltip() {
        TimeSeriesLayout l = layout(LegendState.ALL_VISIBLE.toggle("a"));
        Tooltip t = Tooltip.at(l, List.of(A, B), l.x().toPixel(T0 + 30 * 60_000), Unit.NONE).orElseThrow();
        assertThat(t.rows()).extracting(Tooltip.Row::series).containsExactly("b");
        assertThat(Tooltip.at(l, List.of(A, B), l.plot().x() - 5, Unit.NONE)).isEmpty();
    }

    @Test
    void legendEntriesAreHitTestable() {
        TimeSeriesLayout l = layout(LegendState.ALL_VISIBLE);
        assertThat(l.legendItems()).hasSize(2);
        var b = l.legendItems().get(1).bounds();
        assertThat(l.legendItemAt(b.x() + 2, b.y() + b.height() / 2)).contains("b");
        assertThat(l.legendItemAt(l.plot().x() + 5, l.plot().y() + 5)).isEmpty();
        assertThat(b.y()).isGreaterThanOrEqualTo(l.plot().bottom()); // below the plot, not over it
    }

    @Test
    void legendToggleAndIsolate() {
        List<String> all = List.of("a", "b", "c");
        LegendState s = LegendState.ALL_VISIBLE.toggle("b");
        assertThat(s.isHidden("b")).isTrue();
        assertThat(s.toggle("b").hidden()).isEmpty();
        LegendState only = LegendState.ALL_VISIBLE.isolate("a", all);
        assertThat(only.hidden()).containsExactlyInAnyOrder("b", "c");
        assertThat(only.isolate("a", all)).isEqualTo(LegendState.ALL_VISIBLE);
    }

    @Test
    void nearestIndexPrefersTheEarlierOnATie() {
        assertThat(B.nearestIndex(T0 + 150_000)).isZero();
        assertThat(B.nearestIndex(T0 + 150_001)).isEqualTo(1);
        assertThat(B.nearestIndex(T0 - 1_000_000)).isZero();
        assertThat(B.nearestIndex(Long.MAX_VALUE)).isEqualTo(12);
        assertThat(new TimeSeriesData("e", new long[0], new double[0]).nearestIndex(T0)).isEqualTo(-1);
    }

    @Test
    void tooltipIgnoresNothingWhenEmpty() {
        TimeSeriesLayout l = layout(LegendState.ALL_VISIBLE);
        Optional<Tooltip> t = Tooltip.at(l, List.of(), l.plot().x() + 10, Unit.NONE);
        assertThat(t).isEmpty();
    }
}
