package io.vigia.dashboards.chart.surface;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartFont;
import io.vigia.dashboards.chart.DrawingSurface;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * A drawing surface over a Java2D {@code Graphics2D}: a {@link BufferedImage} for PNG, or the
 * {@code Graphics2D} of pdfbox-graphics2d for vector PDF. It never disposes the graphics it was
 * given; the caller owns it.
 */
public final class Java2DSurface implements DrawingSurface {

    private final double width;
    private final double height;
    private final AwtFonts fonts = new AwtFonts();
    // the graphics of each save() level is the state's own value
    private final SurfaceState<Graphics2D> state;
    private Graphics2D g;
    private Path2D.Double path = new Path2D.Double();

    public Java2DSurface(Graphics2D graphics, double width, double height) {
        this.g = graphics;
        this.state = new SurfaceState<>(graphics);
        this.width = width;
        this.height = height;
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        applyStroke();
        g.setFont(fonts.font(state.font));
    }

    /**
     * A surface drawing into {@code image}, scaled by {@code scale} (2 for a HiDPI PNG);
     * antialiasing off gives exact pixels for comparisons.
     */
    public static Java2DSurface forImage(BufferedImage image, double scale, boolean antialias) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                antialias ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                antialias ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.scale(scale, scale);
        return new Java2DSurface(g, image.getWidth() / scale, image.getHeight() / scale);
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
        g = (Graphics2D) g.create();
        state.save(g);
    }

    @Override
    public void restore() {
        Graphics2D level = g;
        state.restore();
        level.dispose();
        g = state.own;
    }

    @Override
    public void setStroke(ChartColor color) {
        state.stroke = color;
    }

    @Override
    public void setFill(ChartColor color) {
        state.fill = color;
    }

    @Override
    public void setLineWidth(double w) {
        state.lineWidth = w;
        applyStroke();
    }

    @Override
    public void setLineDash(double... pattern) {
        state.dash(pattern);
        applyStroke();
    }

    private void applyStroke() {
        double[] dash = state.dash;
        float[] d = null;
        if (dash != null) {
            d = new float[dash.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) dash[i];
            }
        }
        g.setStroke(new BasicStroke((float) state.lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, d, 0f));
    }

    @Override
    public void setFont(ChartFont font) {
        state.font = font;
        g.setFont(fonts.font(font));
    }

    @Override
    public TextMetrics measureText(String text) {
        return fonts.measure(fonts.font(state.font), g.getFontRenderContext(), text);
    }

    @Override
    public void beginPath() {
        path = new Path2D.Double();
    }

    @Override
    public void moveTo(double x, double y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(x, y);
        } else {
            path.lineTo(x, y);
        }
    }

    @Override
    public void closePath() {
        if (path.getCurrentPoint() != null) {
            path.closePath();
        }
    }

    @Override
    public void stroke() {
        g.setColor(awt(state.stroke));
        g.draw(path);
    }

    @Override
    public void fill() {
        g.setColor(awt(state.fill));
        g.fill(path);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.setColor(awt(state.fill));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.setColor(awt(state.stroke));
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setColor(awt(state.fill));
        g.drawString(text, (float) x, (float) y);
    }

    @Override
    public void drawArgb(int[] argb, int imageWidth, int imageHeight, double x, double y, double w, double h) {
        BufferedImage img = new BufferedImage(imageWidth, imageHeight, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, imageWidth, imageHeight, argb, 0, imageWidth);
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g2.translate(x, y);
            g2.scale(w / imageWidth, h / imageHeight);
            g2.drawImage(img, 0, 0, null);
        } finally {
            g2.dispose();
        }
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        save();
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void popClip() {
        restore();
    }

    private static Color awt(ChartColor c) {
        return new Color(c.red(), c.green(), c.blue(), (int) Math.round(c.alpha() * 255));
    }
}
