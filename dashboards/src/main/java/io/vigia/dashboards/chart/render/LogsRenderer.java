package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.data.LogLine;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A logs panel: one line per entry with its timestamp, a level colour bar and the text in a
 * monospaced font. Log text is attacker-controlled, so it is drawn through {@link InertText}:
 * control and bidi characters show as escapes and cannot reorder or hide anything.
 */
public final class LogsRenderer {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private LogsRenderer() {
    }

    /** The lines shown, for scrolling and hit-testing. */
    public record LogsLayout(int firstLine, int linesShown, double lineHeight, Rect body) {
    }

    public static LogsLayout render(DrawingSurface s, String title, List<LogLine> lines, int firstLine, ZoneId zone, ChartTheme theme) {
        s.save();
        try {
            Rect area = Frame.begin(s, title, theme);
            s.setFont(theme.monoFont());
            TextMetrics fm = s.measureText("Xg");
            double lineH = fm.height() + 4;
            int start = Math.max(0, Math.min(firstLine, lines.size()));
            int capacity = (int) Math.floor(area.height() / lineH);
            int shown = Math.min(capacity, lines.size() - start);
            double tsW = s.measureText("0000-00-00 00:00:00.000").width();
            double levelW = s.measureText("ERROR").width();
            for (int i = 0; i < shown; i++) {
                LogLine l = lines.get(start + i);
                double y = area.y() + i * lineH;
                double base = y + (lineH + fm.ascent() - fm.descent()) / 2;
                ChartColor lc = levelColor(l.level(), theme);
                s.setFill(lc);
                s.fillRect(area.x(), y + 1, 3, lineH - 2);
                s.setFill(theme.mutedText());
                s.fillText(TS.format(Instant.ofEpochMilli(l.ts()).atZone(zone)), area.x() + 8, base);
                double x = area.x() + 8 + tsW + 10;
                if (!l.level().isEmpty()) {
                    s.setFill(lc);
                    String level = InertText.fit(s, InertText.of(l.level().toUpperCase(Locale.ROOT)), levelW);
                    s.fillText(level, x, base);
                }
                x += levelW + 10;
                s.setFill(theme.text());
                s.fillText(InertText.fit(s, inert(l.line()), area.right() - x), x, base);
            }
            if (lines.isEmpty()) {
                Frame.noData(s, area, theme);
            }
            return new LogsLayout(start, Math.max(0, shown), lineH, area);
        } finally {
            s.restore();
        }
    }

    /** More than a line can show on any screen: longer text is cut before the escapes, so a 1 MB line costs nothing. */
    static final int MAX_CHARS = 2000;

    /** The line made inert, cut to {@value #MAX_CHARS} characters with an ellipsis. */
    static String inert(String line) {
        if (line.length() <= MAX_CHARS) {
            return InertText.of(line);
        }
        int end = Character.isHighSurrogate(line.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return InertText.of(line.substring(0, end)) + "…";
    }

    static ChartColor levelColor(String level, ChartTheme theme) {
        String l = level.toLowerCase(Locale.ROOT);
        if (l.startsWith("err") || l.startsWith("crit") || l.startsWith("fatal") || l.startsWith("emerg") || l.startsWith("alert")) {
            return theme.critical();
        }
        if (l.startsWith("warn")) {
            return theme.warning();
        }
        if (l.startsWith("info") || l.startsWith("notice")) {
            return theme.ok();
        }
        if (l.startsWith("debug") || l.startsWith("trace")) {
            return theme.seriesColor(5);
        }
        return theme.grid();
    }
}
