package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.dashboards.chart.axis.LinearScale;
import io.vigia.dashboards.chart.axis.TimeScale;
import io.vigia.dashboards.chart.reduce.M4;
import io.vigia.dashboards.chart.reduce.Polyline;
import io.vigia.dashboards.chart.render.LineDrawer;
import io.vigia.dashboards.chart.surface.Java2DSurface;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** M4 output must rasterize to exactly the pixels of the line through every point. */
class M4EquivalenceTest {

    private static final int W = 400;
    private static final int H = 200;

    @ParameterizedTest(name = "{0} points, seed {1}, gaps {2}, line width {3}")
    @CsvSource({
            "100000, 1, 0.0, 1",
            "100000, 2, 0.001, 1",
            "20000, 3, 0.0, 2",
            "50000, 4, 0.01, 1.5",
            "3000, 5, 0.05, 1",
            "200000, 6, 0.0005, 1",
            "40000, 7, 0.3, 1",
    })
    void reducedLineIsPixelIdenticalToFullLine(int n, long seed, double gapRate, double lineWidth) {
        long[] ts = new long[n];
        double[] v = new double[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        double x = 0;
        long t = 1_700_000_000_000L;
        for (int i = 0; i < n; i++) {
            t += 1 + rnd.nextInt(20); // irregular spacing
            ts[i] = t;
            x += rnd.nextGaussian() + (rnd.nextInt(500) == 0 ? rnd.nextGaussian() * 40 : 0);
            v[i] = rnd.nextDouble() < gapRate ? Double.NaN : x;
        }
        TimeScale xs = new TimeScale(ts[0], ts[n - 1], 10, W - 10);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
        }
        LinearScale ys = new LinearScale(min, max, H - 10, 10);

        Polyline all = M4.snapped(ts, v, 0, n, xs);
        Polyline reduced = M4.reduce(ts, v, 0, n, xs);
        assertThat(reduced.size()).isLessThan(all.size());
        assertThat(reduced.size()).isLessThanOrEqualTo(4 * (W + 2) + 5 * countGaps(v));

        BufferedImage a = render(s -> {
            s.setStroke(new ChartColor(20, 40, 200, 1));
            s.setFill(new ChartColor(20, 40, 200, 1));
            s.setLineWidth(lineWidth);
            LineDrawer.stroke(s, all, ys, 3);
        });
        BufferedImage b = render(s -> {
            s.setStroke(new ChartColor(20, 40, 200, 1));
            s.setFill(new ChartColor(20, 40, 200, 1));
            s.setLineWidth(lineWidth);
            LineDrawer.stroke(s, reduced, ys, 3);
        });
        assertThat(countInk(a)).isGreaterThan(W); // the line was drawn at all
        assertThat(differingPixels(a, b)).isZero();
    }

    private static int countGaps(double[] v) {
        int g = 0;
        for (double d : v) {
            if (Double.isNaN(d)) {
                g++;
            }
        }
        return g;
    }

    static BufferedImage render(Consumer<DrawingSurface> painter) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Java2DSurface s = Java2DSurface.forImage(img, 1, false);
        s.setFill(new ChartColor(255, 255, 255, 1));
        s.fillRect(0, 0, W, H);
        painter.accept(s);
        return img;
    }

    static int countInk(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) != 0xffffffff) {
                    n++;
                }
            }
        }
        return n;
    }

    static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
