package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.dashboards.chart.axis.LinearScale;
import io.vigia.dashboards.chart.axis.TimeScale;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.reduce.M4;
import io.vigia.dashboards.chart.reduce.Polyline;
import io.vigia.dashboards.chart.render.LineDrawer;
import io.vigia.dashboards.chart.render.Stacking;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapsAndStackingTest {

    @Test
    void aGapIsNotBridged() {
        long[] ts = {0, 10, 20, 30, 40, 50, 60};
        double[] v = {1, 1, 1, Double.NaN, 1, 1, 1};
        TimeScale xs = new TimeScale(0, 60, 0, 120);
        LinearScale ys = new LinearScale(0, 2, 40, 0);
        Polyline line = M4.exact(ts, v, 0, ts.length, xs);
        BufferedImage img = M4EquivalenceTest.render(s -> {
            s.setStroke(new ChartColor(0, 0, 0, 1));
            s.setFill(new ChartColor(0, 0, 0, 1));
            LineDrawer.stroke(s, line, ys, 3);
        });
        int row = (int) Math.floor(ys.toPixel(1));
        assertThat(img.getRGB(20, row)).isNotEqualTo(0xffffffff); // drawn left of the gap
        assertThat(img.getRGB(100, row)).isNotEqualTo(0xffffffff); // drawn right of it
        assertThat(img.getRGB(60, row)).isEqualTo(0xffffffff); // nothing across t = 30 (x = 60)
    }

    @Test
    void anIsolatedPointBetweenGapsIsStillVisible() {
        long[] ts = {0, 10, 20};
        double[] v = {Double.NaN, 1, Double.NaN};
        TimeScale xs = new TimeScale(0, 20, 0, 100);
        LinearScale ys = new LinearScale(0, 2, 40, 0);
        BufferedImage img = M4EquivalenceTest.render(s -> {
            s.setFill(new ChartColor(0, 0, 0, 1));
            LineDrawer.stroke(s, M4.exact(ts, v, 0, 3, xs), ys, 3);
        });
        assertThat(M4EquivalenceTest.countInk(img)).isGreaterThan(0);
    }

    @Test
    void m4KeepsFirstMinMaxLastInOrderAndBreaksAtGaps() {
        // ten samples in one pixel column, then a gap, then one more
        long[] ts = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        double[] v = {5, 6, 9, 2, 7, 3, 8, 1, 4, 6, Double.NaN, 3};
        TimeScale xs = new TimeScale(0, 1000, 0, 10); // 100 ms per pixel: 0..11 all in column 0
        Polyline p = M4.reduce(ts, v, 0, ts.length, xs);
        assertThat(java.util.Arrays.copyOf(p.y(), p.size())).containsExactly(5, 9, 1, 6, Double.NaN, 3);
        assertThat(p.x()[0]).isEqualTo(0.5);
    }

    @Test
    void stackedValuesAreCumulativeSumsOnTheUnionOfTimestamps() {
        TimeSeriesData a = new TimeSeriesData("a", new long[]{0, 10, 20}, new double[]{1, 2, 3});
        TimeSeriesData b = new TimeSeriesData("b", new long[]{0, 20, 30}, new double[]{10, Double.NaN, 30});
        TimeSeriesData c = new TimeSeriesData("c", new long[]{10, 20, 30}, new double[]{100, 200, 300});
        List<Stacking.Band> bands = Stacking.stack(List.of(a, b, c));
        assertThat(bands.get(0).ts()).containsExactly(0, 10, 20, 30);
        assertThat(bands.get(0).upper()).containsExactly(1, 2, 3, 0);
        assertThat(bands.get(1).lower()).containsExactly(1, 2, 3, 0);
        assertThat(bands.get(1).upper()).containsExactly(11, 2, 3, 30);
        assertThat(bands.get(2).upper()).containsExactly(11, 102, 203, 330);
        assertThat(bands.get(2).lower()).isEqualTo(bands.get(1).upper());
    }
}
