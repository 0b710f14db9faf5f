package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.Rect;

/** Panel chrome shared by the renderers: background, padding and title. */
public final class Frame {

    public static final double PAD = 8;

    private Frame() {
    }

    /** Paints the background and the title; returns the area left for content. */
    public static Rect begin(DrawingSurface s, String title, ChartTheme theme) {
        s.setFill(theme.background());
        s.fillRect(0, 0, s.width(), s.height());
        Rect area = new Rect(0, 0, Math.max(0, s.width()), Math.max(0, s.height())).inset(PAD, PAD + 2, PAD, PAD);
        if (title != null && !title.isEmpty()) {
            s.setFont(theme.titleFont());
            TextMetrics m = s.measureText("Xg");
            s.setFill(theme.text());
            s.fillText(InertText.fit(s, InertText.of(title), area.width()), area.x(), area.y() + m.ascent());
            area = area.inset(m.height() + 6, 0, 0, 0);
        }
        return area;
    }

    /** "No data" centred in {@code r}. */
    public static void noData(DrawingSurface s, Rect r, ChartTheme theme) {
        s.setFont(theme.font());
        s.setFill(theme.mutedText());
        String text = "No data";
        TextMetrics m = s.measureText(text);
        s.fillText(text, r.x() + (r.width() - m.width()) / 2, r.y() + (r.height() + m.ascent() - m.descent()) / 2);
    }
}
