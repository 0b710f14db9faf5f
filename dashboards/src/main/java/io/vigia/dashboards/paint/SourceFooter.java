package io.vigia.dashboards.paint;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.render.Frame;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.surface.TopPart;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.Provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A panel that says where its data comes from ({@link Provenance}): the chart above a line
 * "Source: …" (with the feed's note, e.g. GitHub's caveats), or, when nothing fed it, the reason
 * in place of the chart, so that no panel is empty without saying why.
 */
final class SourceFooter {
    /** Lines of the footer at most; the rest is cut with an ellipsis. */
    static final int MAX_LINES = 2;

    private SourceFooter() {
    }

    static Optional<TimeSeriesLayout> paint(DrawingSurface s, Panel p, PanelData data, ChartTheme theme,
                                            Function<DrawingSurface, Optional<TimeSeriesLayout>> chart) {
        Provenance prov = data.provenance();
        if (!prov.missing().isEmpty() && !data.hasValues()) {
            reason(s, p.title(), data.errors(), prov.missing(), theme);
            return Optional.empty();
        }
        s.setFont(theme.smallFont());
        DrawingSurface.TextMetrics m = s.measureText("Xg");
        double lineH = m.height() + 2;
        List<String> lines = wrap(s, prov.sourceLine(), s.width() - 2 * Frame.PAD, MAX_LINES);
        double footer = lines.isEmpty() ? 0 : lines.size() * lineH + 4;
        Optional<TimeSeriesLayout> layout = chart.apply(new TopPart(s, s.height() - footer));
        s.setFill(theme.background());
        s.fillRect(0, s.height() - footer, s.width(), footer);
        s.setFont(theme.smallFont());
        s.setFill(theme.mutedText());
        double y = s.height() - footer + m.ascent() + 1;
        for (String line : lines) {
            s.fillText(line, Frame.PAD, y);
            y += lineH;
        }
        return layout;
    }

    /** Why the panel is empty, after its errors if it has any. */
    private static void reason(DrawingSurface s, String title, List<String> errors, String reason, ChartTheme theme) {
        Rect area = Frame.begin(s, title, theme);
        s.setFont(theme.font());
        DrawingSurface.TextMetrics m = s.measureText("Xg");
        double y = area.y() + m.ascent();
        int room = Math.max(1, (int) ((area.bottom() - area.y()) / (m.height() + 4)));
        List<String> lines = new ArrayList<>();
        for (String e : errors) {
            lines.addAll(wrap(s, e, area.width(), room));
        }
        int errorLines = lines.size();
        lines.addAll(wrap(s, "No data. " + reason, area.width(), Math.max(1, room - errorLines)));
        for (int i = 0; i < lines.size() && y <= area.bottom(); i++) {
            s.setFill(i < errorLines ? io.vigia.dashboards.chart.ChartColor.hex("#D44A3A") : theme.mutedText());
            s.fillText(lines.get(i), area.x(), y);
            y += m.height() + 4;
        }
    }

    /** {@code text} made inert and broken into lines at spaces to fit {@code width}, at most {@code max} (the last cut with an ellipsis). */
    static List<String> wrap(DrawingSurface s, String text, double width, int max) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        StringBuilder line = new StringBuilder();
        String[] words = InertText.of(text).split(" ");
        for (int i = 0; i < words.length; i++) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (s.measureText(candidate).width() <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (out.size() == max - 1) {
                out.add(InertText.fit(s, line + " " + String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)), width));
                return out;
            }
            out.add(InertText.fit(s, line.toString(), width));
            line.setLength(0);
            line.append(words[i]);
        }
        out.add(InertText.fit(s, line.toString(), width));
        return out;
    }
}
