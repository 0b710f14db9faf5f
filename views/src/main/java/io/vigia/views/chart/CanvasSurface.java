package io.vigia.views.chart;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartFont;
import io.vigia.dashboards.chart.DrawingSurface;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.stage.Window;

/**
 * The drawing surface over a JavaFX {@link GraphicsContext}. Use it on the FX thread only (a
 * canvas belongs to the scene graph). Lines get round caps and joins, like the Java2D surface,
 * so both paint the same pixels for the same calls.
 */
public final class CanvasSurface implements DrawingSurface {

    private final GraphicsContext gc;
    private final double width;
    private final double height;
    private final Deque<ChartFont> fontStack = new ArrayDeque<>();
    private final Map<ChartFont, Font> fonts = new HashMap<>();
    private final Text measurer = new Text();
    private ChartFont font = ChartFont.sans(12);
    private boolean pathEmpty = true;
    private final double pixelScale;

    public CanvasSurface(GraphicsContext gc, double width, double height) {
        this.gc = gc;
        this.width = width;
        this.height = height;
        this.pixelScale = renderScale(gc);
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        measurer.setTextOrigin(VPos.BASELINE);
        setFont(font);
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public void save() {
        gc.save();
        fontStack.push(font);
    }

    @Override
    public void restore() {
        if (fontStack.isEmpty()) {
            throw new IllegalStateException("restore without save");
        }
        gc.restore();
        font = fontStack.pop();
    }

    @Override
    public void setStroke(ChartColor color) {
        gc.setStroke(fx(color));
    }

    @Override
    public void setFill(ChartColor color) {
        gc.setFill(fx(color));
    }

    @Override
    public void setLineWidth(double w) {
        gc.setLineWidth(w);
    }

    @Override
    public void setLineDash(double... pattern) {
        gc.setLineDashes(pattern == null || pattern.length == 0 ? null : pattern);
    }

    @Override
    public void setFont(ChartFont f) {
        font = f;
        gc.setFont(fxFont(f));
    }

    private Font fxFont(ChartFont f) {
        return fonts.computeIfAbsent(f, k -> Font.font(k.family(), k.bold() ? FontWeight.BOLD : FontWeight.NORMAL, k.size()));
    }

    @Override
    public TextMetrics measureText(String text) {
        measurer.setFont(fxFont(font));
        measurer.setText(text == null || text.isEmpty() ? "X" : text);
        Bounds b = measurer.getLayoutBounds();
        double w = text == null || text.isEmpty() ? 0 : b.getWidth();
        return new TextMetrics(w, -b.getMinY(), b.getMaxY());
    }

    @Override
    public void beginPath() {
        gc.beginPath();
        pathEmpty = true;
    }

    @Override
    public void moveTo(double x, double y) {
        gc.moveTo(x, y);
        pathEmpty = false;
    }

    @Override
    public void lineTo(double x, double y) {
        if (pathEmpty) {
            gc.moveTo(x, y);
            pathEmpty = false;
        } else {
            gc.lineTo(x, y);
        }
    }

    @Override
    public void closePath() {
        gc.closePath();
    }

    @Override
    public void stroke() {
        gc.stroke();
    }

    @Override
    public void fill() {
        gc.fill();
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        gc.strokeRect(x, y, w, h);
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (text != null && !text.isEmpty()) {
            gc.fillText(text, x, y);
        }
    }

    @Override
    public void drawArgb(int[] argb, int imageWidth, int imageHeight, double x, double y, double w, double h) {
        WritableImage img = new WritableImage(imageWidth, imageHeight);
        img.getPixelWriter().setPixels(0, 0, imageWidth, imageHeight, PixelFormat.getIntArgbInstance(), argb, 0, imageWidth);
        boolean smoothing = gc.isImageSmoothing();
        gc.setImageSmoothing(false);
        gc.drawImage(img, x, y, w, h);
        gc.setImageSmoothing(smoothing);
    }

    /**
     * The clip is rounded to whole device pixels. JavaFX's canvas clips with a plain clip rectangle
     * only when the clip is a rectangle on whole pixels; any other clip is rendered into a mask,
     * and every drawing under it is drawn into a scratch image and blended through the mask on the
     * render thread (NGCanvas.initClip), which cost several milliseconds a frame for the plot's
     * clip (its left edge sits after the measured width of the value labels). Rounding moves a
     * clip edge by at most half a pixel.
     */
    @Override
    public void pushClip(double x, double y, double w, double h) {
        save();
        double left = toWholePixel(x);
        double top = toWholePixel(y);
        double right = toWholePixel(x + w);
        double bottom = toWholePixel(y + h);
        gc.beginPath();
        gc.rect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
        gc.clip();
        gc.beginPath(); // clip() keeps the path; start the next shape clean
        pathEmpty = true;
    }

    private double toWholePixel(double v) {
        return Math.round(v * pixelScale) / pixelScale;
    }

    @Override
    public void popClip() {
        restore();
    }

    /** Device pixels per canvas unit: the canvas's window's render scale (1 before it is shown). */
    private static double renderScale(GraphicsContext gc) {
        Scene scene = gc.getCanvas().getScene();
        Window window = scene == null ? null : scene.getWindow();
        double scale = window == null ? 1 : Math.max(window.getRenderScaleX(), window.getRenderScaleY());
        return scale > 0 ? scale : 1;
    }

    static Color fx(ChartColor c) {
        return Color.rgb(c.red(), c.green(), c.blue(), c.alpha());
    }
}
