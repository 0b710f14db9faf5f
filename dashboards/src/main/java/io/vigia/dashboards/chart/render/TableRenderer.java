package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.data.TableData;
import java.util.List;

/**
 * A table: header, zebra rows, cells cut with an ellipsis to their column, numbers right
 * aligned, and "+N more rows" when the panel is too short. Starts at row {@code firstRow} so a
 * view can scroll.
 */
public final class TableRenderer {

    private static final int MEASURE_ROWS = 200;
    private static final double CELL_PAD = 8;

    private TableRenderer() {
    }

    /** What was drawn: the rows shown and the column widths. */
    public record TableLayout(int firstRow, int rowsShown, double[] columnWidths, double rowHeight, Rect body) {
    }

    public static TableLayout render(DrawingSurface s, String title, TableData data, int firstRow, ChartTheme theme) {
        s.save();
        try {
            return paint(s, title, data, Math.max(0, firstRow), theme);
        } finally {
            s.restore();
        }
    }

    private static TableLayout paint(DrawingSurface s, String title, TableData data, int firstRow, ChartTheme theme) {
        Rect area = Frame.begin(s, title, theme);
        int nc = data.columns().size();
        s.setFont(theme.smallFont());
        TextMetrics fm = s.measureText("Xg");
        double rowH = fm.height() + 8;
        double[] widths = columnWidths(s, data, area.width());
        // header
        s.setFill(theme.grid());
        s.fillRect(area.x(), area.y(), area.width(), rowH);
        s.setFont(theme.smallFont().asBold());
        double x = area.x();
        for (int c = 0; c < nc; c++) {
            TableData.Column col = data.columns().get(c);
            drawCell(s, InertText.of(col.header()), x, area.y(), widths[c], rowH, col.align(), fm, theme.text());
            x += widths[c];
        }
        s.setFont(theme.smallFont());
        double bodyTop = area.y() + rowH;
        int capacity = (int) Math.floor((area.bottom() - bodyTop) / rowH);
        List<List<String>> rows = data.rows();
        int remaining = Math.max(0, rows.size() - firstRow);
        int shown = remaining <= capacity ? remaining : Math.max(0, capacity - 1);
        for (int i = 0; i < shown; i++) {
            List<String> row = rows.get(firstRow + i);
            double y = bodyTop + i * rowH;
            if (i % 2 == 1) {
                s.setFill(theme.grid().withAlpha(0.45));
                s.fillRect(area.x(), y, area.width(), rowH);
            }
            x = area.x();
            for (int c = 0; c < nc; c++) {
                drawCell(s, InertText.of(row.get(c)), x, y, widths[c], rowH, data.columns().get(c).align(), fm, theme.text());
                x += widths[c];
            }
        }
        if (shown < remaining) {
            s.setFill(theme.mutedText());
            s.fillText("+" + (remaining - shown) + " more rows", area.x() + CELL_PAD, bodyTop + shown * rowH + (rowH + fm.ascent() - fm.descent()) / 2);
        }
        if (rows.isEmpty()) {
            Frame.noData(s, new Rect(area.x(), bodyTop, area.width(), Math.max(0, area.bottom() - bodyTop)), theme);
        }
        return new TableLayout(firstRow, shown, widths, rowH, new Rect(area.x(), bodyTop, area.width(), Math.max(0, area.bottom() - bodyTop)));
    }

    private static void drawCell(DrawingSurface s, String text, double x, double y, double w, double h,
                                 TableData.Align align, TextMetrics fm, ChartColor color) {
        String fitted = InertText.fit(s, text, w - 2 * CELL_PAD);
        double tw = s.measureText(fitted).width();
        double tx = align == TableData.Align.RIGHT ? x + w - CELL_PAD - tw : x + CELL_PAD;
        s.setFill(color);
        s.fillText(fitted, tx, y + (h + fm.ascent() - fm.descent()) / 2);
    }

    /** Natural widths (header and the first rows), shrunk proportionally when they do not fit. */
    static double[] columnWidths(DrawingSurface s, TableData data, double total) {
        int nc = data.columns().size();
        double[] w = new double[nc];
        for (int c = 0; c < nc; c++) {
            w[c] = s.measureText(InertText.of(data.columns().get(c).header())).width() + 2 * CELL_PAD + 4;
        }
        int n = Math.min(MEASURE_ROWS, data.rows().size());
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < nc; c++) {
                w[c] = Math.max(w[c], Math.min(400, s.measureText(InertText.of(data.rows().get(r).get(c))).width()) + 2 * CELL_PAD);
            }
        }
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double f = sum == 0 ? 1 : total / sum;
        for (int c = 0; c < nc; c++) {
            w[c] *= f; // fill the width when narrower, shrink when wider
        }
        return w;
    }
}
