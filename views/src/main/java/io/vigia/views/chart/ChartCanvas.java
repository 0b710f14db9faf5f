package io.vigia.views.chart;

import io.vigia.dashboards.chart.DrawingSurface;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A resizable control that paints a chart with a {@link DrawingSurface} painter. Repaints are
 * coalesced: {@link #requestRepaint()} only marks the chart dirty and asks for layout, and the
 * painting happens once in the next pulse's layout pass, however many requests came before it.
 * Resizing repaints too. Must be used on the FX thread.
 */
public class ChartCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private Consumer<DrawingSurface> painter = s -> { };
    private boolean dirty = true;
    private long paintCount;

    public ChartCanvas() {
        getStyleClass().add("chart-canvas");
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(600, 300);
    }

    public ChartCanvas(Consumer<DrawingSurface> painter) {
        this();
        setPainter(painter);
    }

    /** Sets what to paint and schedules a repaint. */
    public final void setPainter(Consumer<DrawingSurface> painter) {
        this.painter = Objects.requireNonNull(painter);
        requestRepaint();
    }

    /** Marks the chart for repainting in the next pulse. */
    public final void requestRepaint() {
        dirty = true;
        requestLayout();
    }

    /** How many times the chart has been painted; tests use it to check coalescing. */
    public final long paintCount() {
        return paintCount;
    }

    /** The canvas painted on, for snapshots. */
    public final Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        canvas.relocate(0, 0);
        if (dirty) {
            paintNow();
        }
    }

    /** Paints immediately (on the FX thread), e.g. before taking a snapshot. */
    public final void paintNow() {
        dirty = false;
        if (canvas.getWidth() < 1 || canvas.getHeight() < 1) {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        paintCount++;
        painter.accept(surfaceForFrame());
    }

    /** Clears the canvas and returns a surface to paint a new frame on (FX thread). */
    public final CanvasSurface surfaceForFrame() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        var gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        return new CanvasSurface(gc, w, h);
    }
}
