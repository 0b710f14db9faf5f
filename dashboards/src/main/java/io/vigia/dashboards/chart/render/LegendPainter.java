package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.axis.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out and paints a legend below a plot: a wrapping list, or a table with last, mean and
 * max. Rows that do not fit in the height it is given end in a "+N more" line instead of
 * overlapping the plot.
 */
final class LegendPainter {

    private static final double SWATCH = 12;
    private static final double GAP = 6;
    private static final double ITEM_GAP = 16;

    private LegendPainter() {
    }

    record Entry(SeriesStyle style, SeriesStats stats) {
    }

    /** The legend's height when laid out in {@code width}, capped at {@code maxHeight}. */
    static double height(DrawingSurface s, List<Entry> entries, LegendMode mode, double width, double maxHeight, ChartTheme theme) {
        if (mode == LegendMode.HIDDEN || entries.isEmpty()) {
            return 0;
        }
        s.save();
        s.setFont(theme.smallFont());
        double row = rowHeight(s);
        int rows = mode == LegendMode.TABLE ? entries.size() + 1 : listRows(s, entries, width);
        s.restore();
        double h = rows * row + 6;
        int fitting = (int) Math.floor((maxHeight - 6) / row);
        return fitting < 1 ? 0 : Math.min(h, fitting * row + 6);
    }

    static double rowHeight(DrawingSurface s) {
        TextMetrics m = s.measureText("Xg");
        return Math.max(SWATCH, m.height()) + 5;
    }

    private static int listRows(DrawingSurface s, List<Entry> entries, double width) {
        int rows = 1;
        double x = 0;
        for (Entry e : entries) {
            double w = itemWidth(s, e, width);
            if (x > 0 && x + w > width) {
                rows++;
                x = 0;
            }
            x += w + ITEM_GAP;
        }
        return rows;
    }

    private static double itemWidth(DrawingSurface s, Entry e, double width) {
        return Math.min(width, SWATCH + GAP + s.measureText(InertText.of(e.style().name())).width());
    }

    /** Paints the legend into {@code box}; returns the entries' bounds for hit-testing. */
    static List<LegendItem> paint(DrawingSurface s, List<Entry> entries, LegendMode mode, Rect box, Unit unit, ChartTheme theme) {
        List<LegendItem> items = new ArrayList<>();
        if (mode == LegendMode.HIDDEN || entries.isEmpty() || box.height() <= 0) {
            return items;
        }
        s.save();
        s.setFont(theme.smallFont());
        double row = rowHeight(s);
        int maxRows = Math.max(1, (int) Math.floor((box.height() - 6) / row));
        TextMetrics m = s.measureText("Xg");
        double baselineOffset = (row - m.height()) / 2 + m.ascent();
        double top = box.y() + 6;
        if (mode == LegendMode.TABLE) {
            double colW = Math.max(60, s.measureText("-000.00 MiB").width() + 12);
            double nameW = Math.max(40, box.width() - 3 * colW);
            String[] headers = {"Last", "Mean", "Max"};
            s.setFill(theme.mutedText());
            for (int c = 0; c < 3; c++) {
                double right = box.x() + nameW + (c + 1) * colW;
                s.fillText(headers[c], right - s.measureText(headers[c]).width(), top + baselineOffset);
            }
            int capacity = maxRows - 1;
            int shown = entries.size() <= capacity ? entries.size() : Math.max(0, capacity - 1);
            for (int i = 0; i < shown; i++) {
                Entry e = entries.get(i);
                double y = top + (i + 1) * row;
                drawSwatchAndName(s, e, box.x(), y, nameW - GAP, baselineOffset, theme);
                items.add(new LegendItem(e.style().name(), new Rect(box.x(), y, nameW, row)));
                double[] vals = {e.stats().last(), e.stats().mean(), e.stats().max()};
                s.setFill(e.style().hidden() ? theme.mutedText() : theme.text());
                for (int c = 0; c < 3; c++) {
                    String t = unit.format(vals[c]);
                    double right = box.x() + nameW + (c + 1) * colW;
                    s.fillText(t, right - s.measureText(t).width(), y + baselineOffset);
                }
            }
            if (shown < entries.size()) {
                s.setFill(theme.mutedText());
                s.fillText("+" + (entries.size() - shown) + " more", box.x(), top + (shown + 1) * row + baselineOffset);
            }
        } else {
            double x = box.x();
            int r = 0;
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                double w = itemWidth(s, e, box.width());
                if (x > box.x() && x + w > box.right()) {
                    r++;
                    x = box.x();
                }
                if (r >= maxRows || (r == maxRows - 1 && i < entries.size() - 1 && rowWouldOverflow(s, entries, i, x, box))) {
                    String more = "+" + (entries.size() - i) + " more";
                    s.setFill(theme.mutedText());
                    double mx = r >= maxRows ? box.right() - s.measureText(more).width() : x;
                    double my = top + Math.min(r, maxRows - 1) * row + baselineOffset;
                    s.fillText(more, mx, my);
                    break;
                }
                double y = top + r * row;
                drawSwatchAndName(s, e, x, y, w - SWATCH - GAP, baselineOffset, theme);
                items.add(new LegendItem(e.style().name(), new Rect(x, y, w, row)));
                x += w + ITEM_GAP;
            }
        }
        s.restore();
        return items;
    }

    /** On the last row: would the remaining entries fail to fit after this one? Then show "+N more" now. */
    private static boolean rowWouldOverflow(DrawingSurface s, List<Entry> entries, int i, double x, Rect box) {
        double cx = x;
        for (int j = i; j < entries.size(); j++) {
            double w = itemWidth(s, entries.get(j), box.width());
            if (cx > box.x() && cx + w > box.right()) {
                // entries from j on don't fit: only allow this one if "+N more" still fits after it
                double more = s.measureText("+" + (entries.size() - i - 1) + " more").width();
                return x + itemWidth(s, entries.get(i), box.width()) + ITEM_GAP + more > box.right();
            }
            cx += w + ITEM_GAP;
        }
        return false;
    }

    private static void drawSwatchAndName(DrawingSurface s, Entry e, double x, double y, double nameWidth, double baselineOffset, ChartTheme theme) {
        double sy = y + (rowHeight(s) - 4) / 2 - 1;
        if (e.style().hidden()) {
            s.setStroke(theme.mutedText());
            s.setLineWidth(1);
            s.strokeRect(x + 0.5, sy + 0.5, SWATCH - 1, 3);
        } else {
            s.setFill(e.style().color());
            s.fillRect(x, sy, SWATCH, 4);
        }
        s.setFill(e.style().hidden() ? theme.mutedText() : theme.text());
        s.fillText(InertText.fit(s, InertText.of(e.style().name()), nameWidth), x + SWATCH + GAP, y + baselineOffset);
    }
}
