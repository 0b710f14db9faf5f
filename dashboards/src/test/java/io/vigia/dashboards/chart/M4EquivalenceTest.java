package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.dashboards.chart.axis.LinearScale;
import io.vigia.dashboards.chart.axis.TimeScale;
import io.vigia.dashboards.chart.reduce.M4;
import io.vigia.dashboards.chart.reduce.Polyline;
import io.vigia.dashboards.chart.render.ColumnSpans;
import io.vigia.dashboards.chart.render.LineDrawer;
import io.vigia.dashboards.chart.surface.Java2DSurface;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * M4 output must rasterize to exactly the pixels of the line through every point; drawn as column
 * spans (as panels draw dense lines) it must look like that line within a stated tolerance.
 */
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
        Walk w = new Walk(n, seed, gapRate);
        Polyline all = M4.snapped(w.ts, w.v, 0, n, w.xs);
        Polyline reduced = M4.reduce(w.ts, w.v, 0, n, w.xs);
        assertThat(reduced.size()).isLessThan(all.size());
        assertThat(reduced.size()).isLessThanOrEqualTo(4 * (W + 2) + 5 * countGaps(w.v));

        BufferedImage a = render(s -> stroke(s, lineWidth, () -> LineDrawer.stroke(s, all, w.ys, 3)));
        BufferedImage b = render(s -> stroke(s, lineWidth, () -> LineDrawer.stroke(s, reduced, w.ys, 3)));
        assertThat(countInk(a)).isGreaterThan(W); // the line was drawn at all
        assertThat(differingPixels(a, b)).isZero();
    }

    /**
     * What the panels draw for a dense line: the reduced line as one filled span a column
     * ({@link ColumnSpans}) instead of its stroke. It is not pixel-identical to the stroke of every
     * point: a stroked segment between two adjacent columns is a diagonal, which the spans replace
     * by two vertical halves meeting half-way, so boundary pixels of those diagonals come out
     * differently. The stated tolerance, checked twice:
     * <ul>
     * <li>without antialiasing (exact pixels): no pixel that differs is farther than one pixel
     * (8-neighbourhood) from the other drawing's ink, so nothing appears or disappears, only a
     * boundary moves by a pixel (for line widths 1 and 1.5 the drawings measured 0 to 73 pixels
     * apart out of 2,200 to 4,700; at width 2 the edges fall on pixel centres, where Java2D's
     * stroke takes both sides and its fill one, so a third of the pixels move by one);</li>
     * <li>antialiased, as the canvas draws: no pixel's colour differs by {@value #AA_NEVER} or
     * more of 255 in a channel, and at most {@value #MAX_AA_SHARE} of the inked pixels differ by
     * more than {@value #AA_MOSTLY} (measured: none above 128, at most 3% above 64).</li>
     * </ul>
     */
    @ParameterizedTest(name = "{0} points, seed {1}, gaps {2}, line width {3}")
    @CsvSource({
            "100000, 1, 0.0, 1",
            "100000, 2, 0.001, 1",
            "20000, 3, 0.0, 2",
            "50000, 4, 0.01, 1.5",
            "3000, 5, 0.05, 1",
            "200000, 6, 0.0005, 1",
            "40000, 7, 0.3, 1",
            "1000000, 8, 0.0, 1",
    })
    void columnSpansOfTheReducedLineLookLikeTheFullLine(int n, long seed, double gapRate, double lineWidth) {
        Walk w = new Walk(n, seed, gapRate);
        Polyline all = M4.snapped(w.ts, w.v, 0, n, w.xs);
        Polyline reduced = M4.reduce(w.ts, w.v, 0, n, w.xs);
        Consumer<DrawingSurface> fullLine = s -> stroke(s, lineWidth, () -> LineDrawer.stroke(s, all, w.ys, 3));
        Consumer<DrawingSurface> spanLine = s -> stroke(s, lineWidth, () -> ColumnSpans.draw(s, reduced, w.ys, lineWidth, 3));

        BufferedImage full = render(fullLine);
        BufferedImage spans = render(spanLine);
        assertThat(countInk(full)).isGreaterThan(W);
        assertThat(farthestDifference(full, spans)).as("a differing pixel's distance to the other drawing's ink").isLessThanOrEqualTo(1);

        BufferedImage fullAa = render(fullLine, true);
        BufferedImage spansAa = render(spanLine, true);
        int inkAa = countInk(fullAa);
        assertThat(differingBy(fullAa, spansAa, AA_NEVER - 1)).isZero();
        assertThat(differingBy(fullAa, spansAa, AA_MOSTLY)).isLessThanOrEqualTo((int) (inkAa * MAX_AA_SHARE));
    }

    @Test
    void theToleranceCatchesAColumnSpanThatIsOffByTwoPixels() {
        Walk w = new Walk(100000, 1, 0);
        Polyline all = M4.snapped(w.ts, w.v, 0, w.ts.length, w.xs);
        Polyline reduced = M4.reduce(w.ts, w.v, 0, w.ts.length, w.xs);
        double[] shifted = reduced.y().clone();
        for (int i = 0; i < reduced.size(); i += 37) {
            shifted[i] += 3 * (w.ys.domainMax() - w.ys.domainMin()) / (H - 20); // three pixels up
        }
        Polyline wrong = new Polyline(reduced.x(), shifted, reduced.size());
        BufferedImage full = render(s -> stroke(s, 1, () -> LineDrawer.stroke(s, all, w.ys, 3)));
        BufferedImage spans = render(s -> stroke(s, 1, () -> ColumnSpans.draw(s, wrong, w.ys, 1, 3)));
        assertThat(farthestDifference(full, spans)).isGreaterThan(1);
    }

    /** Where the data thins out (a stretch with no samples, no NaN) the spans join the columns on either side with a stroked line. */
    @Test
    void aHoleInTimeIsBridgedByAStrokedLineAsInTheFullDrawing() {
        Walk w = new Walk(100000, 9, 0);
        long[] ts = w.ts.clone();
        for (int i = ts.length / 2; i < ts.length; i++) {
            ts[i] += (ts[ts.length - 1] - ts[0]) / 5; // the second half starts a fifth of the range later
        }
        TimeScale xs = new TimeScale(ts[0], ts[ts.length - 1], 10, W - 10);
        Polyline all = M4.snapped(ts, w.v, 0, ts.length, xs);
        Polyline reduced = M4.reduce(ts, w.v, 0, ts.length, xs);
        Consumer<DrawingSurface> fullLine = s -> stroke(s, 1, () -> LineDrawer.stroke(s, all, w.ys, 3));
        Consumer<DrawingSurface> spanLine = s -> stroke(s, 1, () -> ColumnSpans.draw(s, reduced, w.ys, 1, 3));
        BufferedImage full = render(fullLine);
        BufferedImage spans = render(spanLine);
        int hole = (int) Math.round(xs.toPixel(ts[ts.length / 2 - 1])) + 5;
        assertThat(inkInColumn(full, hole)).isPositive(); // the full drawing bridges the hole
        assertThat(inkInColumn(spans, hole)).isPositive();
        assertThat(farthestDifference(full, spans)).isLessThanOrEqualTo(1);
        BufferedImage fullAa = render(fullLine, true);
        BufferedImage spansAa = render(spanLine, true);
        assertThat(differingBy(fullAa, spansAa, AA_NEVER - 1)).isZero();
    }

    private static int inkInColumn(BufferedImage img, int x) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            if (img.getRGB(x, y) != 0xffffffff) {
                n++;
            }
        }
        return n;
    }

    private static final int AA_NEVER = 128;
    private static final int AA_MOSTLY = 64;
    private static final double MAX_AA_SHARE = 0.05;

    private static void stroke(DrawingSurface s, double lineWidth, Runnable draw) {
        s.setStroke(new ChartColor(20, 40, 200, 1));
        s.setFill(new ChartColor(20, 40, 200, 1));
        s.setLineWidth(lineWidth);
        draw.run();
    }

    /** A random walk with outliers, irregular spacing and NaN gaps, and scales that fit it into the image. */
    private static final class Walk {
        final long[] ts;
        final double[] v;
        final TimeScale xs;
        final LinearScale ys;

        Walk(int n, long seed, double gapRate) {
            ts = new long[n];
            v = new double[n];
            SplittableRandom rnd = new SplittableRandom(seed);
            double x = 0;
            long t = 1_700_000_000_000L;
            for (int i = 0; i < n; i++) {
                t += 1 + rnd.nextInt(20); // irregular spacing
                ts[i] = t;
                x += rnd.nextGaussian() + (rnd.nextInt(500) == 0 ? rnd.nextGaussian() * 40 : 0);
                v[i] = rnd.nextDouble() < gapRate ? Double.NaN : x;
            }
            xs = new TimeScale(ts[0], ts[n - 1], 10, W - 10);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                if (!Double.isNaN(d)) {
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
            ys = new LinearScale(min, max, H - 10, 10);
        }
    }

    /** The largest distance (in pixels, 8-neighbourhood) from a pixel that differs to the nearest ink of the image lacking it. */
    static int farthestDifference(BufferedImage a, BufferedImage b) {
        int farthest = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    BufferedImage other = a.getRGB(x, y) != 0xffffffff ? b : a;
                    farthest = Math.max(farthest, distanceToInk(other, x, y));
                }
            }
        }
        return farthest;
    }

    private static int distanceToInk(BufferedImage img, int x, int y) {
        for (int r = 0; r < Math.max(img.getWidth(), img.getHeight()); r++) {
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    int px = x + dx;
                    int py = y + dy;
                    if ((Math.abs(dx) == r || Math.abs(dy) == r) && px >= 0 && py >= 0 && px < img.getWidth() && py < img.getHeight()
                            && img.getRGB(px, py) != 0xffffffff) {
                        return r;
                    }
                }
            }
        }
        return Integer.MAX_VALUE;
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
        return render(painter, false);
    }

    static BufferedImage render(Consumer<DrawingSurface> painter, boolean antialias) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Java2DSurface s = Java2DSurface.forImage(img, 1, antialias);
        s.setFill(new ChartColor(255, 255, 255, 1));
        s.fillRect(0, 0, W, H);
        painter.accept(s);
        return img;
    }

    /** Pixels whose colour differs by more than {@code delta} in some channel. */
    static int differingBy(BufferedImage a, BufferedImage b, int delta) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int d = 0;
                for (int sh = 0; sh < 24; sh += 8) {
                    d = Math.max(d, Math.abs(((p >>> sh) & 255) - ((q >>> sh) & 255)));
                }
                if (d > delta) {
                    n++;
                }
            }
        }
        return n;
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
