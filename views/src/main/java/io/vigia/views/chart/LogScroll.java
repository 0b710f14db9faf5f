package io.vigia.views.chart;

import io.vigia.dashboards.chart.render.LogsRenderer.LogsLayout;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;

import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Scrolling of a logs panel drawn on a {@link ChartCanvas}: the wheel moves three lines, Page
 * Up/Down a screen, Home goes back to the newest line. The renderer reports how many lines fit,
 * so the last line stops at the bottom instead of scrolling off. Wheel events the panel cannot use
 * (at either end) are left to the page around it.
 */
public final class LogScroll {
    private final ChartCanvas canvas;
    private final IntSupplier lineCount;
    private int first;
    private int shown = 1;
    private LogsLayout last;
    private javafx.scene.control.Tooltip details;

    private LogScroll(ChartCanvas canvas, IntSupplier lineCount) {
        this.canvas = canvas;
        this.lineCount = lineCount;
    }

    public static LogScroll attach(ChartCanvas canvas, IntSupplier lineCount) {
        return attach(canvas, lineCount, i -> null);
    }

    /**
     * As above; a click on a line shows it whole (inert, wrapped, cut at {@value #DETAIL_CHARS}
     * characters) in a tooltip, as Grafana expands a log line.
     */
    public static LogScroll attach(ChartCanvas canvas, IntSupplier lineCount,
                                   java.util.function.IntFunction<io.vigia.dashboards.chart.data.LogLine> lineAt) {
        LogScroll s = new LogScroll(canvas, lineCount);
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            int i = s.indexAt(e.getY());
            io.vigia.dashboards.chart.data.LogLine line = i < 0 ? null : lineAt.apply(i);
            if (line != null && e.getClickCount() == 1) {
                s.showDetails(line, e.getScreenX(), e.getScreenY());
            }
        });
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> s.hideDetails());
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0 && s.scrollBy(e.getDeltaY() > 0 ? -3 : 3)) {
                e.consume();
            }
        });
        canvas.setFocusTraversable(true);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            boolean moved = switch (e.getCode()) {
                case PAGE_DOWN -> s.scrollBy(Math.max(1, s.shown - 1));
                case PAGE_UP -> s.scrollBy(-Math.max(1, s.shown - 1));
                case DOWN -> s.scrollBy(1);
                case UP -> s.scrollBy(-1);
                case HOME -> s.scrollBy(-s.first);
                default -> false;
            };
            if (moved) {
                e.consume();
            }
        });
        return s;
    }

    /** The first line to draw (0 is the newest). */
    public int first() {
        return first;
    }

    /** Back to the newest line, e.g. when new data arrives. */
    public void reset() {
        first = 0;
    }

    /** What the last paint showed. */
    public void painted(Optional<LogsLayout> layout) {
        last = layout.orElse(null);
        layout.ifPresent(l -> shown = Math.max(1, l.linesShown()));
    }

    /** The index (0 is the newest) of the line drawn at {@code y}, or -1. */
    public int indexAt(double y) {
        LogsLayout l = last;
        if (l == null || y < l.body().y() || l.lineHeight() <= 0) {
            return -1;
        }
        int row = (int) Math.floor((y - l.body().y()) / l.lineHeight());
        return row < l.linesShown() ? l.firstLine() + row : -1;
    }

    /** Characters of a line shown in its details. */
    static final int DETAIL_CHARS = 4000;

    /** The details of a line: its time, level and text, made inert (attacker text), wrapped and cut. */
    static String detailText(io.vigia.dashboards.chart.data.LogLine line, java.time.ZoneId zone) {
        String text = line.line().length() > DETAIL_CHARS
                ? io.vigia.dashboards.chart.InertText.of(line.line().substring(0, DETAIL_CHARS)) + "… (" + line.line().length() + " characters)"
                : io.vigia.dashboards.chart.InertText.of(line.line());
        return java.time.Instant.ofEpochMilli(line.ts()).atZone(zone).toLocalDateTime() + "  "
                + io.vigia.dashboards.chart.InertText.of(line.level().toUpperCase(java.util.Locale.ROOT)) + "\n" + text;
    }

    private void showDetails(io.vigia.dashboards.chart.data.LogLine line, double screenX, double screenY) {
        hideDetails();
        details = new javafx.scene.control.Tooltip(detailText(line, java.time.ZoneId.systemDefault()));
        details.setWrapText(true);
        details.setMaxWidth(720);
        details.getStyleClass().add("log-line-details");
        details.show(canvas, screenX + 8, screenY + 8);
    }

    private void hideDetails() {
        if (details != null) {
            details.hide();
            details = null;
        }
    }

    /** Moves by {@code lines}; false when it could not move. */
    public boolean scrollBy(int lines) {
        int max = Math.max(0, lineCount.getAsInt() - shown);
        int next = Math.max(0, Math.min(max, first + lines));
        if (next == first) {
            return false;
        }
        first = next;
        canvas.requestRepaint();
        return true;
    }
}
