package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.axis.TimeScale;
import io.vigia.dashboards.chart.axis.TimeTicks;
import io.vigia.dashboards.chart.data.HeatmapData;
import java.util.List;

/**
 * Histogram buckets over time as a heatmap: one row per bucket (ordinal, labelled by its upper
 * bound, like Grafana's heatmap of {@code le} buckets), one column per timestamp, colour by count
 * on a sequential scale from the plot background to a hot colour.
 */
public final class HeatmapRenderer {

    private static final ChartColor[] SCALE = {
            ChartColor.hex("#0d0887"), ChartColor.hex("#6a00a8"), ChartColor.hex("#b12a90"),
            ChartColor.hex("#e16462"), ChartColor.hex("#fca636"), ChartColor.hex("#f0f921")};

    private HeatmapRenderer() {
    }

    /** Above this many cells the heatmap is drawn as one image, one pixel per cell (perf_anchors §2: fill rate). */
    static final int IMAGE_CELLS = 4000;

    /** The colour for a count normalised to 0..1. */
    public static ChartColor colorFor(double t) {
        double u = Math.max(0, Math.min(1, t)) * (SCALE.length - 1);
        int i = (int) Math.min(SCALE.length - 2, Math.floor(u));
        return SCALE[i].mix(SCALE[i + 1], u - i);
    }

    public static HeatmapLayout render(DrawingSurface s, HeatmapData data, long from, long to, HeatmapOptions o, ChartTheme theme) {
        s.save();
        try {
            return paint(s, data, from, to, o, theme);
        } finally {
            s.restore();
        }
    }

    private static void paintAsRects(DrawingSurface s, HeatmapData data, long from, long to, long step, double maxCount,
                                     TimeScale xs, Rect plot, double cellH) {
        long[] ts = data.ts();
        int nb = data.upperBounds().length;
        for (int i = 0; i < ts.length; i++) {
            if (ts[i] > to || (i + 1 < ts.length ? ts[i + 1] : ts[i] + step) < from) {
                continue;
            }
            double x0 = xs.toPixel(ts[i]);
            double x1 = xs.toPixel(i + 1 < ts.length ? ts[i + 1] : ts[i] + step);
            for (int b = 0; b < nb; b++) {
                double c = data.counts()[i][b];
                if (Double.isNaN(c) || c <= 0) {
                    continue;
                }
                s.setFill(colorFor(maxCount == 0 ? 0 : c / maxCount));
                double y0 = plot.bottom() - (b + 1) * cellH;
                // a hairline of overlap hides seams between cells under antialiasing
                s.fillRect(x0, y0, Math.max(1, x1 - x0 + 0.5), cellH + 0.5);
            }
        }
    }

    private static void paintAsImage(DrawingSurface s, HeatmapData data, long from, long to, long step, double maxCount,
                                     TimeScale xs, Rect plot) {
        long[] ts = data.ts();
        int nb = data.upperBounds().length;
        int lo = 0;
        while (lo < ts.length && ts[lo] + step < from) {
            lo++;
        }
        int hi = ts.length - 1;
        while (hi >= lo && ts[hi] > to) {
            hi--;
        }
        if (hi < lo) {
            return;
        }
        int cols = hi - lo + 1;
        int[] argb = new int[cols * nb];
        for (int i = lo; i <= hi; i++) {
            double[] row = data.counts()[i];
            for (int b = 0; b < nb; b++) {
                double c = row[b];
                if (!Double.isNaN(c) && c > 0) {
                    argb[(nb - 1 - b) * cols + (i - lo)] = colorFor(maxCount == 0 ? 0 : c / maxCount).argb();
                }
            }
        }
        double x0 = xs.toPixel(ts[lo]);
        double x1 = xs.toPixel(ts[hi] + step);
        s.drawArgb(argb, cols, nb, x0, plot.y(), x1 - x0, plot.height());
    }

    /** Evenly spaced timestamps (Prometheus range steps), within 1 ms. */
    static boolean regular(long[] ts) {
        if (ts.length < 3) {
            return true;
        }
        long step = ts[1] - ts[0];
        for (int i = 2; i < ts.length; i++) {
            if (Math.abs(ts[i] - ts[i - 1] - step) > 1) {
                return false;
            }
        }
        return step > 0;
    }

    private static HeatmapLayout paint(DrawingSurface s, HeatmapData data, long from, long to, HeatmapOptions o, ChartTheme theme) {
        Rect area = Frame.begin(s, o.title(), theme);
        s.setFont(theme.smallFont());
        TextMetrics fm = s.measureText("0:Xg");
        int nb = data.upperBounds().length;
        String[] labels = new String[nb];
        double labelW = 0;
        for (int b = 0; b < nb; b++) {
            double ub = data.upperBounds()[b];
            labels[b] = Double.isInfinite(ub) ? "+Inf" : o.bucketUnit().format(ub);
            labelW = Math.max(labelW, s.measureText(labels[b]).width());
        }
        double scaleW = 46;
        Rect plot = new Rect(area.x() + labelW + 8, area.y(), Math.max(1, area.width() - labelW - 8 - scaleW),
                Math.max(1, area.height() - fm.height() - 8));
        TimeScale xs = new TimeScale(from, to, plot.x(), plot.right());
        s.setFill(theme.plotBackground());
        s.fillRect(plot.x(), plot.y(), plot.width(), plot.height());

        double maxCount = 0;
        for (double[] row : data.counts()) {
            for (double c : row) {
                if (!Double.isNaN(c)) {
                    maxCount = Math.max(maxCount, c);
                }
            }
        }
        double cellH = nb == 0 ? 0 : plot.height() / nb;
        long[] ts = data.ts();
        long step = ts.length > 1 ? (ts[ts.length - 1] - ts[0]) / (ts.length - 1) : Math.max(1, to - from);
        s.pushClip(plot.x(), plot.y(), plot.width(), plot.height());
        if ((long) ts.length * nb > IMAGE_CELLS && regular(ts)) {
            paintAsImage(s, data, from, to, step, maxCount, xs, plot);
        } else {
            paintAsRects(s, data, from, to, step, maxCount, xs, plot, cellH);
        }
        s.popClip();
        if (ts.length == 0 || maxCount == 0) {
            Frame.noData(s, plot, theme);
        }

        int every = (int) Math.max(1, Math.ceil((fm.height() + 2) / Math.max(cellH, 0.01)));
        s.setFill(theme.mutedText());
        for (int b = 0; b < nb; b += every) {
            double cy = plot.bottom() - (b + 0.5) * cellH;
            s.fillText(labels[b], plot.x() - 6 - s.measureText(labels[b]).width(), cy + (fm.ascent() - fm.descent()) / 2);
        }
        List<TimeTicks.Tick> ticks = TimeTicks.compute(from, to, (int) Math.max(2, plot.width() / (s.measureText("Mmm 0000").width() + 28)), o.zone());
        double lastRight = Double.NEGATIVE_INFINITY;
        for (TimeTicks.Tick t : ticks) {
            double px = xs.toPixel(t.ts());
            double lw = s.measureText(t.label()).width();
            double lx = Math.max(0, Math.min(s.width() - lw - 1, px - lw / 2));
            if (lx > lastRight + 4) {
                s.fillText(t.label(), lx, plot.bottom() + 4 + fm.ascent());
                lastRight = lx + lw;
            }
        }
        // colour scale
        double sx = plot.right() + 10;
        double sw = 10;
        int steps = 32;
        for (int i = 0; i < steps; i++) {
            s.setFill(colorFor((i + 0.5) / steps));
            double y = plot.bottom() - (i + 1) * plot.height() / steps;
            s.fillRect(sx, y, sw, plot.height() / steps + 0.5);
        }
        s.setFill(theme.mutedText());
        String max = Unit.COUNT.format(maxCount);
        s.fillText(max, Math.min(sx, s.width() - s.measureText(max).width() - 1), plot.y() - 2 > fm.ascent() ? plot.y() - 2 : plot.y() + fm.ascent());
        s.fillText("0", sx + sw + 3, plot.bottom());
        return new HeatmapLayout(plot, xs, ts, nb);
    }
}
