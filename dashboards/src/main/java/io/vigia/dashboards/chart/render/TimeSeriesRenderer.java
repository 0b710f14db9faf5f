package io.vigia.dashboards.chart.render;

import io.vigia.persistence.series.SortedLongs;
import java.time.ZoneId;
import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.axis.LinearScale;
import io.vigia.dashboards.chart.axis.NiceTicks;
import io.vigia.dashboards.chart.axis.TimeScale;
import io.vigia.dashboards.chart.axis.TimeTicks;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.reduce.M4;
import io.vigia.dashboards.chart.reduce.Polyline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Paints a time series panel: lines, areas, stacked areas or points over a time range, with a
 * value axis in the panel's unit, a time axis in the panel's zone, thresholds, annotations and
 * a legend, and the series' usual bands behind them ({@link BaselinePainter}). A pure function of its inputs; it returns the layout for hit-testing and tooltips.
 * Series with at least {@link M4#DENSITY_THRESHOLD} points per pixel are reduced with M4.
 */
public final class TimeSeriesRenderer {

    private static final double MIN_X_TICK_GAP = 28;
    private static final double Y_TICK_SPACING = 34;

    private TimeSeriesRenderer() {
    }

    public static TimeSeriesLayout render(DrawingSurface s, List<TimeSeriesData> series, long from, long to,
                                          TimeSeriesOptions o, LegendState legendState, ChartTheme theme) {
        if (to <= from) {
            throw new IllegalArgumentException("time range ends before it starts: " + from + ".." + to);
        }
        s.save();
        try {
            return paint(s, series, from, to, o, legendState, theme);
        } finally {
            s.restore();
        }
    }

    private static TimeSeriesLayout paint(DrawingSurface s, List<TimeSeriesData> series, long from, long to,
                                          TimeSeriesOptions o, LegendState legendState, ChartTheme theme) {
        Rect area = Frame.begin(s, o.title(), theme);

        List<SeriesStyle> styles = new ArrayList<>();
        List<LegendPainter.Entry> entries = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            TimeSeriesData d = series.get(k);
            SeriesOverride ov = o.overrides().get(d.name());
            ChartColor color = ov != null && ov.color() != null ? ov.color() : theme.seriesColor(k);
            SeriesStyle st = new SeriesStyle(d.name(), color, legendState.isHidden(d.name()));
            styles.add(st);
            entries.add(new LegendPainter.Entry(st, o.legend() == LegendMode.TABLE ? SeriesStats.of(d, from, to) : null));
        }

        double legendH = LegendPainter.height(s, entries, o.legend(), area.width(), area.height() * 0.4, theme);
        Rect legendBox = new Rect(area.x(), area.bottom() - legendH, area.width(), legendH);
        area = area.inset(0, 0, legendH, 0);

        s.setFont(theme.smallFont());
        TextMetrics fm = s.measureText("0:Xg");
        double xAxisH = fm.height() + 8;
        double topInset = fm.ascent() / 2 + 1;
        double plotH = Math.max(1, area.height() - xAxisH - topInset);

        List<Stacking.Band> bands = o.style() == DrawStyle.STACKED_AREA ? visibleBands(series, styles) : List.of();
        double[] range = valueRange(series, styles, bands, from, to, o);
        boolean hasData = range != null;
        if (o.style() != DrawStyle.STACKED_AREA) {
            range = BaselinePainter.extend(range, o.baseline(), styles, from, to);
        }
        if (range == null) {
            range = new double[]{0, 1};
        }
        NiceTicks.Ticks yTicks = NiceTicks.compute(range[0], range[1], (int) Math.max(2, plotH / Y_TICK_SPACING), o.unit());
        double yLabelW = 0;
        for (String l : yTicks.labels()) {
            yLabelW = Math.max(yLabelW, s.measureText(l).width());
        }
        yLabelW += 8;
        double rightPad = 4;
        Rect plot = new Rect(area.x() + yLabelW, area.y() + topInset,
                Math.max(1, area.width() - yLabelW - rightPad), plotH);
        TimeScale xs = new TimeScale(from, to, plot.x(), plot.right());
        LinearScale ys = new LinearScale(yTicks.min(), yTicks.max(), plot.bottom(), plot.y());

        s.setFill(theme.plotBackground());
        s.fillRect(plot.x(), plot.y(), plot.width(), plot.height());

        // threshold bands under everything
        s.pushClip(plot.x(), plot.y(), plot.width(), plot.height());
        if (o.thresholdStyle().bands()) {
            List<Threshold> th = o.thresholds();
            for (int i = 0; i < th.size(); i++) {
                double lo = th.get(i).value();
                double hi = i + 1 < th.size() ? th.get(i + 1).value() : Double.POSITIVE_INFINITY;
                double y0 = ys.toPixel(Math.max(lo, ys.domainMin()));
                double y1 = ys.toPixel(Math.min(hi, ys.domainMax()));
                if (y0 > y1) {
                    s.setFill(th.get(i).color().withAlpha(0.12));
                    s.fillRect(plot.x(), y1, plot.width(), y0 - y1);
                }
            }
        }
        s.popClip();

        // grid and y labels. Grid lines and the axis are one-pixel rows and columns on whole
        // pixels, filled rather than stroked: the same pixels but for a stroke's round caps (half
        // a pixel at each end), and a JavaFX canvas fills a rectangle natively where a stroke goes
        // through Marlin, most of what was left of a frame's rasterising once dense series were
        // drawn as column spans (JFR; docs/benchmarks.md, issue 18).
        s.setFill(theme.grid());
        for (double v : yTicks.values()) {
            s.fillRect(plot.x(), Math.round(ys.toPixel(v)), plot.width(), 1);
        }
        s.setFill(theme.mutedText());
        for (int i = 0; i < yTicks.values().length; i++) {
            double py = Math.round(ys.toPixel(yTicks.values()[i])) + 0.5;
            String label = yTicks.labels()[i];
            double lw = s.measureText(label).width();
            s.fillText(label, plot.x() - 6 - lw, py + (fm.ascent() - fm.descent()) / 2);
        }
        double sampleW = s.measureText("Mmm 0000").width();
        int maxXTicks = (int) Math.max(2, plot.width() / (sampleW + MIN_X_TICK_GAP));
        List<TimeTicks.Tick> xTicks = TimeTicks.compute(from, to, maxXTicks, o.zone());
        double lastLabelRight = Double.NEGATIVE_INFINITY;
        for (TimeTicks.Tick t : xTicks) {
            double px = Math.round(xs.toPixel(t.ts())) + 0.5;
            s.setFill(theme.grid());
            s.fillRect(px - 0.5, plot.y(), 1, plot.height());
            double lw = s.measureText(t.label()).width();
            double lx = Math.max(0, Math.min(s.width() - lw - 1, px - lw / 2));
            if (lx > lastLabelRight + 4) {
                s.setFill(theme.mutedText());
                s.fillText(t.label(), lx, plot.bottom() + 4 + fm.ascent());
                lastLabelRight = lx + lw;
            }
        }
        s.setFill(theme.axis());
        s.fillRect(plot.x(), Math.round(plot.bottom()), plot.width(), 1);

        // series, over their usual bands (a stack's total has no band of its own)
        s.pushClip(plot.x(), plot.y(), plot.width(), plot.height());
        if (o.style() != DrawStyle.STACKED_AREA) {
            BaselinePainter.paint(s, o.baseline(), styles, xs, ys);
        }
        if (o.style() == DrawStyle.STACKED_AREA) {
            paintStacked(s, bands, styles, xs, ys, o);
        } else {
            for (int k = 0; k < series.size(); k++) {
                if (!styles.get(k).hidden()) {
                    paintSeries(s, series.get(k), styles.get(k).color(), xs, ys, o);
                }
            }
        }
        if (o.thresholdStyle().lines()) {
            s.setLineWidth(1);
            s.setLineDash(6, 4);
            for (Threshold t : o.thresholds()) {
                if (t.value() >= ys.domainMin() && t.value() <= ys.domainMax()) {
                    double py = Math.round(ys.toPixel(t.value())) + 0.5;
                    s.setStroke(t.color());
                    s.beginPath();
                    s.moveTo(plot.x(), py);
                    s.lineTo(plot.right(), py);
                    s.stroke();
                }
            }
            s.setLineDash();
        }
        paintAnnotations(s, o, xs, plot, theme);
        s.popClip();

        if (!hasData) {
            Frame.noData(s, plot, theme);
        }
        BaselinePainter.paintNote(s, o.baseline(), plot, theme);
        List<LegendItem> items = LegendPainter.paint(s, entries, o.legend(), legendBox, o.unit(), theme);
        return new TimeSeriesLayout(plot, xs, ys, styles, items);
    }

    /** Indices [lo, hi) to draw: the range plus one sample either side so lines enter and leave the plot. */
    static int[] visibleIndices(long[] ts, long from, long to) {
        int lo = Math.max(0, SortedLongs.lowerBound(ts, from) - 1);
        int hi = Math.min(ts.length, SortedLongs.upperBound(ts, to) + 1);
        return new int[]{lo, Math.max(lo, hi)};
    }

    /** The polyline to draw for [lo, hi): M4-reduced when dense, every point otherwise. */
    public static Polyline polyline(long[] ts, double[] values, int lo, int hi, TimeScale xs) {
        return M4.shouldReduce(hi - lo, xs.right() - xs.left())
                ? M4.reduce(ts, values, lo, hi, xs)
                : M4.exact(ts, values, lo, hi, xs);
    }

    private static void paintSeries(DrawingSurface s, TimeSeriesData d, ChartColor color, TimeScale xs, LinearScale ys, TimeSeriesOptions o) {
        int[] r = visibleIndices(d.ts(), xs.from(), xs.to());
        Polyline line = polyline(d.ts(), d.values(), r[0], r[1], xs);
        boolean dense = M4.shouldReduce(r[1] - r[0], xs.right() - xs.left());
        switch (o.style()) {
            case POINTS -> {
                s.setFill(color);
                LineDrawer.points(s, line, ys, Math.max(3, o.lineWidth() * 2.5));
            }
            case AREA -> {
                s.setFill(color.withAlpha(o.fillOpacity()));
                LineDrawer.fillToBaseline(s, line, ys, Math.max(ys.domainMin(), Math.min(0, ys.domainMax())));
                strokeLine(s, line, dense, color, ys, o, dashed(o, d.name()));
            }
            default -> strokeLine(s, line, dense, color, ys, o, dashed(o, d.name()));
        }
    }

    /**
     * A dense (M4-reduced) solid line is drawn as one filled span a pixel column ({@link ColumnSpans}),
     * which the software rasteriser does far faster than the stroked zigzag; a dashed one is stroked,
     * as its dashes need the path.
     */
    private static void strokeLine(DrawingSurface s, Polyline line, boolean dense, ChartColor color, LinearScale ys,
                                   TimeSeriesOptions o, boolean dashed) {
        s.setStroke(color);
        s.setFill(color);
        s.setLineWidth(o.lineWidth());
        if (dense && !dashed) {
            ColumnSpans.draw(s, line, ys, o.lineWidth(), o.lineWidth() + 2);
            return;
        }
        if (dashed) {
            s.setLineDash(6, 4);
        }
        LineDrawer.stroke(s, line, ys, o.lineWidth() + 2);
        if (dashed) {
            s.setLineDash();
        }
    }

    private static boolean dashed(TimeSeriesOptions o, String name) {
        SeriesOverride ov = o.overrides().get(name);
        return ov != null && ov.dashed();
    }

    private static List<Stacking.Band> visibleBands(List<TimeSeriesData> series, List<SeriesStyle> styles) {
        List<TimeSeriesData> visible = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            if (!styles.get(k).hidden()) {
                visible.add(series.get(k));
                index.add(k);
            }
        }
        List<Stacking.Band> stacked = Stacking.stack(visible);
        List<Stacking.Band> out = new ArrayList<>();
        for (int i = 0; i < stacked.size(); i++) {
            Stacking.Band b = stacked.get(i);
            out.add(new Stacking.Band(b.name(), index.get(i), b.ts(), b.lower(), b.upper()));
        }
        return out;
    }

    private static void paintStacked(DrawingSurface s, List<Stacking.Band> bands, List<SeriesStyle> styles, TimeScale xs, LinearScale ys, TimeSeriesOptions o) {
        for (Stacking.Band b : bands) {
            ChartColor color = styles.get(b.sourceIndex()).color();
            int[] r = visibleIndices(b.ts(), xs.from(), xs.to());
            Polyline upper = polyline(b.ts(), b.upper(), r[0], r[1], xs);
            boolean dense = M4.shouldReduce(r[1] - r[0], xs.right() - xs.left());
            // dense: fill between per-column maxima, as the bands below are filled the same way
            Polyline top = dense ? M4.maxEnvelope(b.ts(), b.upper(), r[0], r[1], xs) : upper;
            Polyline bottom = dense ? M4.maxEnvelope(b.ts(), b.lower(), r[0], r[1], xs) : M4.exact(b.ts(), b.lower(), r[0], r[1], xs);
            if (top.size() > 0) {
                s.setFill(color.withAlpha(Math.max(o.fillOpacity(), 0.5)));
                s.beginPath();
                s.moveTo(top.x()[0], ys.toPixel(top.y()[0]));
                for (int i = 1; i < top.size(); i++) {
                    s.lineTo(top.x()[i], ys.toPixel(top.y()[i]));
                }
                for (int i = bottom.size() - 1; i >= 0; i--) {
                    s.lineTo(bottom.x()[i], ys.toPixel(bottom.y()[i]));
                }
                s.closePath();
                s.fill();
            }
            strokeLine(s, upper, dense, color, ys, o, dashed(o, b.name()));
        }
    }

    private static void paintAnnotations(DrawingSurface s, TimeSeriesOptions o, TimeScale xs, Rect plot, ChartTheme theme) {
        if (o.annotations().isEmpty()) {
            return;
        }
        s.setFont(theme.smallFont());
        TextMetrics m = s.measureText("Xg");
        double rowH = m.height() + 4;
        List<double[]> taken = new ArrayList<>();
        for (Annotation a : o.annotations()) {
            if (a.endTs() < xs.from() || a.ts() > xs.to()) {
                continue;
            }
            ChartColor c = a.color() == null ? theme.seriesColor(5) : a.color();
            double px = Math.round(xs.toPixel(a.ts())) + 0.5;
            if (a.isRegion()) {
                double x1 = xs.toPixel(Math.min(a.endTs(), xs.to()));
                double x0 = Math.max(plot.x(), xs.toPixel(a.ts()));
                s.setFill(c.withAlpha(0.12));
                s.fillRect(x0, plot.y(), Math.max(1, x1 - x0), plot.height());
            }
            s.setStroke(c);
            s.setLineWidth(1);
            s.setLineDash(3, 3);
            s.beginPath();
            s.moveTo(px, plot.y());
            s.lineTo(px, plot.bottom());
            s.stroke();
            s.setLineDash();
            s.setFill(c);
            s.beginPath();
            s.moveTo(px, plot.bottom() - 6);
            s.lineTo(px + 5, plot.bottom());
            s.lineTo(px - 5, plot.bottom());
            s.closePath();
            s.fill();
            if (a.text().isEmpty()) {
                continue;
            }
            String label = InertText.fit(s, InertText.of(a.text()), Math.min(160, plot.width() / 2));
            double lw = s.measureText(label).width() + 6;
            double anchor = Math.max(px, plot.x() + 0.5); // a region that began before the range
            double lx = anchor + lw + 2 > plot.right() ? anchor - lw - 2 : anchor + 2;
            int row = 0;
            while (overlaps(taken, lx, lx + lw, row) && row < 4) {
                row++;
            }
            taken.add(new double[]{lx, lx + lw, row});
            double ly = plot.y() + 2 + row * rowH;
            s.setFill(theme.plotBackground().withAlpha(0.85));
            s.fillRect(lx, ly, lw, rowH - 1);
            s.setFill(c);
            s.fillRect(lx, ly, 2, rowH - 1);
            s.setFill(theme.text());
            s.fillText(label, lx + 4, ly + 2 + m.ascent());
        }
    }

    private static boolean overlaps(List<double[]> taken, double l, double r, int row) {
        for (double[] t : taken) {
            if (t[2] == row && l < t[1] && r > t[0]) {
                return true;
            }
        }
        return false;
    }

    private static double[] valueRange(List<TimeSeriesData> series, List<SeriesStyle> styles, List<Stacking.Band> bands,
                                       long from, long to, TimeSeriesOptions o) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (o.style() == DrawStyle.STACKED_AREA) {
            for (Stacking.Band b : bands) {
                int lo = SortedLongs.lowerBound(b.ts(), from);
                int hi = SortedLongs.upperBound(b.ts(), to);
                for (int i = lo; i < hi; i++) {
                    min = Math.min(min, Math.min(b.lower()[i], b.upper()[i]));
                    max = Math.max(max, Math.max(b.lower()[i], b.upper()[i]));
                }
            }
        } else {
            for (int k = 0; k < series.size(); k++) {
                if (styles.get(k).hidden()) {
                    continue;
                }
                TimeSeriesData d = series.get(k);
                int lo = SortedLongs.lowerBound(d.ts(), from);
                int hi = SortedLongs.upperBound(d.ts(), to);
                double[] v = d.values();
                for (int i = lo; i < hi; i++) {
                    double x = v[i];
                    if (x < min) {
                        min = x;
                    }
                    if (x > max) {
                        max = x;
                    }
                }
            }
        }
        if (min > max) {
            return null;
        }
        if (o.style() == DrawStyle.AREA || o.style() == DrawStyle.STACKED_AREA) {
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        if (!Double.isNaN(o.softMin())) {
            min = Math.min(min, o.softMin());
        }
        if (!Double.isNaN(o.softMax())) {
            max = Math.max(max, o.softMax());
        }
        return new double[]{min, max};
    }

    /** Draws the crosshair and the tooltip box for {@code tip} over an already painted chart. */
    public static void paintCrosshair(DrawingSurface s, TimeSeriesLayout layout, Optional<Tooltip> tip, ChartTheme theme, ZoneId zone) {
        if (tip.isEmpty()) {
            return;
        }
        Tooltip t = tip.get();
        Rect plot = layout.plot();
        s.save();
        double px = Math.round(t.pixelX()) + 0.5;
        s.setStroke(theme.crosshair());
        s.setLineWidth(1);
        s.setLineDash(4, 3);
        s.beginPath();
        s.moveTo(px, plot.y());
        s.lineTo(px, plot.bottom());
        s.stroke();
        s.setLineDash();
        for (Tooltip.Row r : t.rows()) {
            if (!Double.isNaN(r.value()) && r.value() >= layout.y().domainMin() && r.value() <= layout.y().domainMax()) {
                double py = layout.y().toPixel(r.value());
                double rx = layout.x().toPixel(r.ts());
                s.setFill(r.color());
                s.fillRect(rx - 3, py - 3, 6, 6);
            }
        }
        s.setFont(theme.smallFont());
        TextMetrics m = s.measureText("Xg");
        double row = m.height() + 4;
        String header = TimeTicks.formatInstant(t.ts(), layout.x().to() - layout.x().from(), zone);
        int maxRows = (int) Math.max(1, Math.floor((plot.height() - 8) / row) - 1);
        List<Tooltip.Row> rows = t.rows().size() > maxRows ? t.rows().subList(0, Math.max(0, maxRows - 1)) : t.rows();
        double nameW = 0;
        double valW = 0;
        for (Tooltip.Row r : rows) {
            nameW = Math.max(nameW, Math.min(220, s.measureText(r.series()).width()));
            valW = Math.max(valW, s.measureText(r.formatted()).width());
        }
        double w = Math.max(s.measureText(header).width(), 14 + nameW + 12 + valW) + 12;
        int lines = rows.size() + 1 + (rows.size() < t.rows().size() ? 1 : 0);
        double h = lines * row + 8;
        double bx = px + 12 + w > plot.right() ? px - 12 - w : px + 12;
        bx = Math.max(plot.x(), bx);
        double by = plot.y() + 4;
        s.setFill(theme.background().withAlpha(0.95));
        s.fillRect(bx, by, w, h);
        s.setStroke(theme.axis());
        s.strokeRect(bx + 0.5, by + 0.5, w - 1, h - 1);
        double y = by + 4 + m.ascent();
        s.setFill(theme.mutedText());
        s.fillText(header, bx + 6, y);
        for (Tooltip.Row r : rows) {
            y += row;
            s.setFill(r.color());
            s.fillRect(bx + 6, y - m.ascent() / 2 - 3, 8, 4);
            s.setFill(theme.text());
            s.fillText(InertText.fit(s, r.series(), nameW), bx + 20, y);
            s.fillText(r.formatted(), bx + w - 6 - s.measureText(r.formatted()).width(), y);
        }
        if (rows.size() < t.rows().size()) {
            y += row;
            s.setFill(theme.mutedText());
            s.fillText("+" + (t.rows().size() - rows.size()) + " more", bx + 6, y);
        }
        s.restore();
    }
}
