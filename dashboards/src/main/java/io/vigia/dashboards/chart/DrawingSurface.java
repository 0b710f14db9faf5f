package io.vigia.dashboards.chart;

/**
 * The few drawing operations chart renderers need, so that the same renderer paints onto a
 * JavaFX canvas, a Java2D {@code Graphics2D} (PNG, PDF) or an SVG document.
 *
 * <p>Coordinates are in device-independent pixels, origin top left, y down. Text is drawn
 * with its baseline at {@code y}, starting at {@code x}; renderers align it themselves with
 * {@link #measureText(String)}. State (colours, line width, dashes, font and clip) is saved and
 * restored as a stack, like {@code Graphics2D}'s {@code create()} and Canvas's {@code save()}.
 * {@link #pushClip} saves the state before clipping and {@link #popClip} restores it, so a clip
 * never leaks out of the block that set it.
 */
public interface DrawingSurface {

    double width();

    double height();

    void save();

    void restore();

    void setStroke(ChartColor color);

    void setFill(ChartColor color);

    void setLineWidth(double width);

    /** Dash pattern in pixels (on, off, on, ...); no argument means a solid line. */
    void setLineDash(double... pattern);

    void setFont(ChartFont font);

    /** Width, ascent and descent of {@code text} in the current font. */
    TextMetrics measureText(String text);

    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    void closePath();

    /** Strokes the current path with the stroke colour, line width and dashes. */
    void stroke();

    /** Fills the current path (non-zero winding) with the fill colour. */
    void fill();

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    /** Draws {@code text} as given, with the fill colour; callers pass text made inert by {@link InertText}. */
    void fillText(String text, double x, double y);

    /**
     * Draws an {@code imageWidth × imageHeight} raster of ARGB pixels (row-major) scaled into the
     * rectangle, nearest-neighbour (no smoothing): one pixel per heatmap cell, so dense heatmaps
     * cost one image instead of thousands of rectangles.
     */
    void drawArgb(int[] argb, int imageWidth, int imageHeight, double x, double y, double w, double h);

    /** Saves the state and intersects the clip with the rectangle. */
    void pushClip(double x, double y, double w, double h);

    /** Restores the state saved by the matching {@link #pushClip}. */
    void popClip();

    /** Width, ascent and descent of a piece of text, in pixels. */
    record TextMetrics(double width, double ascent, double descent) {
        public double height() {
            return ascent + descent;
        }
    }
}
