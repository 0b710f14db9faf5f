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

    private LogScroll(ChartCanvas canvas, IntSupplier lineCount) {
        this.canvas = canvas;
        this.lineCount = lineCount;
    }

    public static LogScroll attach(ChartCanvas canvas, IntSupplier lineCount) {
        LogScroll s = new LogScroll(canvas, lineCount);
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
        layout.ifPresent(l -> shown = Math.max(1, l.linesShown()));
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
