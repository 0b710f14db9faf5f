package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.axis.LinearScale;
import io.vigia.dashboards.chart.axis.TimeScale;
import io.vigia.dashboards.chart.data.BaselineBands;
import io.vigia.dashboards.chart.data.BaselineBands.SeriesBand;
import io.vigia.persistence.series.SortedLongs;

import java.util.List;

/**
 * The usual bands of a time series panel: each series' band shaded in the series' colour behind
 * it, with its median as a thin dashed line, gaps where there is no band; a hidden series hides
 * its band. The band's step is coarser than the series' (it reaches back weeks), so it has about
 * one point per pixel column at most and is drawn point by point. The note (no band, a band for
 * part of the range) sits in the plot's bottom left corner.
 */
final class BaselinePainter {
    /** Light enough that the series and the thresholds read through it. */
    static final double FILL_ALPHA = 0.18;
    static final double MEDIAN_ALPHA = 0.55;

    private BaselinePainter() {
    }

    /** {@code range} ({min, max}, or null for none) widened to the visible series' bands within from..to. */
    static double[] extend(double[] range, BaselineBands baseline, List<SeriesStyle> styles, long from, long to) {
        double min = range == null ? Double.POSITIVE_INFINITY : range[0];
        double max = range == null ? Double.NEGATIVE_INFINITY : range[1];
        for (SeriesBand b : baseline.bands()) {
            if (styleOf(b, styles) == null) {
                continue;
            }
            int lo = SortedLongs.lowerBound(b.ts(), from);
            int hi = SortedLongs.upperBound(b.ts(), to);
            for (int i = lo; i < hi; i++) {
                if (Double.isFinite(b.lower()[i]) && Double.isFinite(b.upper()[i])) {
                    min = Math.min(min, b.lower()[i]);
                    max = Math.max(max, b.upper()[i]);
                }
            }
        }
        return min > max ? range : new double[]{min, max};
    }

    /** Every visible series' band; call inside the plot's clip, before the series. */
    static void paint(DrawingSurface s, BaselineBands baseline, List<SeriesStyle> styles, TimeScale xs, LinearScale ys) {
        for (SeriesBand b : baseline.bands()) {
            SeriesStyle style = styleOf(b, styles);
            if (style == null) {
                continue;
            }
            int[] r = TimeSeriesRenderer.visibleIndices(b.ts(), xs.from(), xs.to());
            int i = r[0];
            while (i < r[1]) {
                if (!has(b, i)) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < r[1] && has(b, end)) {
                    end++;
                }
                fillSegment(s, b, i, end, style.color(), xs, ys);
                i = end;
            }
        }
    }

    private static void fillSegment(DrawingSurface s, SeriesBand b, int from, int to, ChartColor color, TimeScale xs, LinearScale ys) {
        s.setFill(color.withAlpha(FILL_ALPHA));
        if (to - from == 1) {
            // a lone step: a sliver, so that it shows
            double x = xs.toPixel(b.ts()[from]);
            double y0 = ys.toPixel(b.upper()[from]);
            s.fillRect(x - 1, y0, 2, Math.max(1, ys.toPixel(b.lower()[from]) - y0));
            return;
        }
        s.beginPath();
        s.moveTo(xs.toPixel(b.ts()[from]), ys.toPixel(b.upper()[from]));
        for (int i = from + 1; i < to; i++) {
            s.lineTo(xs.toPixel(b.ts()[i]), ys.toPixel(b.upper()[i]));
        }
        for (int i = to - 1; i >= from; i--) {
            s.lineTo(xs.toPixel(b.ts()[i]), ys.toPixel(b.lower()[i]));
        }
        s.closePath();
        s.fill();
        s.setStroke(color.withAlpha(MEDIAN_ALPHA));
        s.setLineWidth(1);
        s.setLineDash(2, 3);
        s.beginPath();
        s.moveTo(xs.toPixel(b.ts()[from]), ys.toPixel(b.median()[from]));
        for (int i = from + 1; i < to; i++) {
            s.lineTo(xs.toPixel(b.ts()[i]), ys.toPixel(b.median()[i]));
        }
        s.stroke();
        s.setLineDash();
    }

    /** The baseline's note in the plot's bottom left corner, on the plot's background; nothing when there is none. */
    static void paintNote(DrawingSurface s, BaselineBands baseline, Rect plot, ChartTheme theme) {
        if (baseline.note().isEmpty()) {
            return;
        }
        s.setFont(theme.smallFont());
        TextMetrics m = s.measureText("Xg");
        String text = InertText.fit(s, InertText.of(baseline.note()), Math.max(20, plot.width() - 12));
        double w = s.measureText(text).width() + 8;
        double h = m.height() + 4;
        double x = plot.x() + 2;
        double y = plot.bottom() - h - 2;
        s.setFill(theme.plotBackground().withAlpha(0.9));
        s.fillRect(x, y, w, h);
        s.setFill(theme.mutedText());
        s.fillText(text, x + 4, y + 2 + m.ascent());
    }

    private static boolean has(SeriesBand b, int i) {
        return Double.isFinite(b.lower()[i]) && Double.isFinite(b.upper()[i]) && Double.isFinite(b.median()[i]);
    }

    /** The style of the band's series when it is drawn; null when there is no such series or it is hidden. */
    private static SeriesStyle styleOf(SeriesBand b, List<SeriesStyle> styles) {
        for (SeriesStyle st : styles) {
            if (st.name().equals(b.series())) {
                return st.hidden() ? null : st;
            }
        }
        return null;
    }
}
