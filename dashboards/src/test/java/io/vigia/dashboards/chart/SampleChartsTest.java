package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.chart.render.DrawStyle;
import io.vigia.dashboards.chart.render.LegendMode;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.Threshold;
import io.vigia.dashboards.chart.render.ThresholdStyle;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.dashboards.chart.render.Tooltip;
import io.vigia.dashboards.chart.surface.Java2DSurface;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Renders sample panels to PNG (target/chart-samples) through the Java2D surface, for people to
 * look at, and checks each one has ink in its plot area and is not blank.
 */
class SampleChartsTest {

    static final Path OUT = Path.of("target", "chart-samples");
    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final long T0 = 1_763_500_000_000L; // 2025-11-18

    static List<TimeSeriesData> latencies(int n, long stepMs, double gapEvery) {
        List<TimeSeriesData> out = new ArrayList<>();
        String[] names = {"p50 checkout", "p95 checkout", "p99 checkout"};
        double[] base = {0.045, 0.120, 0.310};
        SplittableRandom rnd = new SplittableRandom(42);
        for (int k = 0; k < names.length; k++) {
            long[] ts = new long[n];
            double[] v = new double[n];
            double walk = 0;
            for (int i = 0; i < n; i++) {
                ts[i] = T0 + i * stepMs;
                walk = walk * 0.98 + rnd.nextGaussian() * 0.01;
                double spike = (i > n * 0.6 && i < n * 0.65) ? base[k] * 0.8 : 0;
                v[i] = Math.max(0.001, base[k] * (1 + 0.25 * Math.sin(i * 2 * Math.PI / (n / 3.0))) + walk * base[k] * 5 + spike);
                if (gapEvery > 0 && i > n * 0.3 && i < n * 0.3 + n * gapEvery) {
                    v[i] = Double.NaN;
                }
            }
            out.add(new TimeSeriesData(names[k], ts, v));
        }
        return out;
    }

    static BufferedImage render(int w, int h, Consumer<DrawingSurface> painter) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Java2DSurface s = Java2DSurface.forImage(img, 1, true);
        painter.accept(s);
        return img;
    }

    static void write(BufferedImage img, String name) throws IOException {
        Files.createDirectories(OUT);
        ImageIO.write(img, "png", OUT.resolve(name + ".png").toFile());
    }

    /** Pixels in the rectangle that differ from the colour at its top-left corner. */
    static int inkIn(BufferedImage img, Rect r, int background) {
        int n = 0;
        for (int y = (int) r.y() + 2; y < (int) r.bottom() - 2; y++) {
            for (int x = (int) r.x() + 2; x < (int) r.right() - 2; x++) {
                if (img.getRGB(x, y) != background) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void latencyPanelWithThresholdsAnnotationsAndTableLegend() throws IOException {
        List<TimeSeriesData> data = latencies(2000, 30_000, 0.02);
        long from = T0;
        long to = T0 + 2000L * 30_000;
        TimeSeriesOptions o = TimeSeriesOptions.defaults(ZONE).withTitle("Latency p50/p95/p99 — checkout")
                .withUnit(Unit.SECONDS).withLegend(LegendMode.TABLE)
                .withThresholds(List.of(new Threshold(0.25, ChartColor.hex("#eab839")), new Threshold(0.5, ChartColor.hex("#e24d42"))), ThresholdStyle.LINE_AND_BAND)
                .withAnnotations(List.of(new Annotation(T0 + 600L * 30_000, "deploy v1.42.0", null),
                        new Annotation(T0 + 1250L * 30_000, "deploy v1.43.0 <script>alert(1)</script>", null)));
        TimeSeriesLayout[] layout = new TimeSeriesLayout[1];
        BufferedImage img = render(900, 420, s -> {
            layout[0] = TimeSeriesRenderer.render(s, data, from, to, o, LegendState.ALL_VISIBLE, ChartTheme.dark());
            var tip = Tooltip.at(layout[0], data, layout[0].plot().x() + layout[0].plot().width() * 0.62, Unit.SECONDS);
            TimeSeriesRenderer.paintCrosshair(s, layout[0], tip, ChartTheme.dark(), ZONE);
        });
        write(img, "timeseries-latency-dark");
        int bg = img.getRGB((int) layout[0].plot().x() + 3, (int) layout[0].plot().bottom() - 3);
        assertThat(inkIn(img, layout[0].plot(), bg)).isGreaterThan(2000);
        assertThat(layout[0].legendItems()).hasSize(3);
    }

    @Test
    void millionPointsStackedAndLight() throws IOException {
        int n = 1_000_000;
        List<TimeSeriesData> data = latencies(n, 1000, 0);
        long to = T0 + (long) n * 1000;
        TimeSeriesOptions o = TimeSeriesOptions.defaults(ZONE).withTitle("Requests by route (1M points each)")
                .withUnit(Unit.REQ_PER_SEC).withStyle(DrawStyle.STACKED_AREA).withLineWidth(1);
        TimeSeriesLayout[] layout = new TimeSeriesLayout[1];
        BufferedImage img = render(1600, 400, s -> layout[0] = TimeSeriesRenderer.render(s,
                data.stream().map(d -> scale(d, 1000)).toList(), T0, to, o, LegendState.ALL_VISIBLE, ChartTheme.light()));
        write(img, "timeseries-stacked-1M-light");
        assertThat(inkIn(img, layout[0].plot(), 0xffffffff)).isGreaterThan(100_000);
    }

    @Test
    void pointsWithHiddenSeriesAndManyLegendEntries() throws IOException {
        List<TimeSeriesData> data = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 40; k++) {
            long[] ts = new long[60];
            double[] v = new double[60];
            for (int i = 0; i < 60; i++) {
                ts[i] = T0 + i * 3_600_000L;
                v[i] = (k + 1) * 1024.0 * 1024 * (1 + rnd.nextDouble());
            }
            data.add(new TimeSeriesData("{instance=\"node-" + k + ":9100\", job=\"node\"}", ts, v));
        }
        TimeSeriesOptions o = TimeSeriesOptions.defaults(ZONE).withTitle("Memory by instance").withUnit(Unit.BYTES).withStyle(DrawStyle.POINTS);
        LegendState legend = LegendState.ALL_VISIBLE.toggle(data.get(39).name());
        TimeSeriesLayout[] layout = new TimeSeriesLayout[1];
        BufferedImage img = render(700, 360, s -> layout[0] = TimeSeriesRenderer.render(s, data, T0, T0 + 60 * 3_600_000L, o, legend, ChartTheme.light()));
        write(img, "timeseries-points-many-legend");
        assertThat(layout[0].plot().height()).isGreaterThan(150);
        assertThat(inkIn(img, layout[0].plot(), 0xffffffff)).isGreaterThan(500);
    }

    @Test
    void previousPeriodOverlayDashedAndMissingDayRegion() throws IOException {
        List<TimeSeriesData> week = latencies(7 * 24, 3_600_000L, 0);
        TimeSeriesData current = week.get(1);
        TimeSeriesData previous = week.get(0);
        TimeSeriesData shifted = new TimeSeriesData("p95 checkout (previous week)", previous.ts(), previous.values());
        long to = T0 + 7 * 24 * 3_600_000L;
        TimeSeriesOptions o = TimeSeriesOptions.defaults(ZONE).withTitle("p95 vs previous week").withUnit(Unit.SECONDS)
                .withOverrides(java.util.Map.of(shifted.name(), new io.vigia.dashboards.chart.render.SeriesOverride(ChartColor.hex("#8e959e"), true)))
                .withAnnotations(List.of(new Annotation(T0 + 2 * 86_400_000L, T0 + 3 * 86_400_000L, "missing day (no data imported)", ChartColor.hex("#e24d42")),
                        new Annotation(T0 - 86_400_000L, T0 + 3_600_000L * 6, "started before the range", null)));
        TimeSeriesLayout[] layout = new TimeSeriesLayout[1];
        BufferedImage img = render(800, 320, s -> layout[0] = TimeSeriesRenderer.render(s, List.of(current, shifted), T0, to, o,
                LegendState.ALL_VISIBLE, ChartTheme.light()));
        write(img, "timeseries-overlay-region");
        assertThat(layout[0].series().get(1).color()).isEqualTo(ChartColor.hex("#8e959e"));
        // the region is shaded: a pixel inside it near the top of the plot is not white
        int x = (int) layout[0].x().toPixel(T0 + 2 * 86_400_000L + 43_200_000L);
        assertThat(img.getRGB(x, (int) layout[0].plot().y() + 40)).isNotEqualTo(0xffffffff);
    }

    @Test
    void emptyPanelSaysNoData() throws IOException {
        TimeSeriesOptions o = TimeSeriesOptions.defaults(ZONE).withTitle("Nothing here").withUnit(Unit.PERCENT);
        BufferedImage img = render(500, 250, s -> TimeSeriesRenderer.render(s, List.of(), T0, T0 + 86_400_000L * 40, o, LegendState.ALL_VISIBLE, ChartTheme.light()));
        write(img, "timeseries-empty");
        assertThat(MissingInk.count(img)).isGreaterThan(100);
    }

    static TimeSeriesData scale(TimeSeriesData d, double factor) {
        double[] v = d.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new TimeSeriesData(d.name(), d.ts(), v);
    }

    /** Count of non-white pixels, to tell a painted image from a blank one. */
    static final class MissingInk {
        static int count(BufferedImage img) {
            return inkIn(img, new Rect(0, 0, img.getWidth(), img.getHeight()), 0xffffffff);
        }
    }
}
