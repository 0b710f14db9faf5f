package io.vigia.dashboards.chart.surface;

import io.vigia.dashboards.chart.ChartFont;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;

/** AWT fonts and text metrics for the Java2D and SVG surfaces; works headless (no display needed). */
final class AwtFonts {

    private final Map<ChartFont, Font> fonts = new HashMap<>();

    Font font(ChartFont f) {
        return fonts.computeIfAbsent(f, k -> new Font(k.family(), k.bold() ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) k.size()));
    }

    TextMetrics measure(Font font, FontRenderContext frc, String text) {
        String t = text == null ? "" : text;
        Rectangle2D bounds = font.getStringBounds(t, frc);
        LineMetrics lm = font.getLineMetrics(t.isEmpty() ? "X" : t, frc);
        return new TextMetrics(bounds.getWidth(), lm.getAscent(), lm.getDescent());
    }
}
