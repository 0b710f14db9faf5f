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
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A drawing surface over a Java2D {@code Graphics2D}: a {@link BufferedImage} for PNG, or the
 * {@code Graphics2D} of pdfbox-graphics2d for vector PDF. It never disposes the graphics it was
 * given; the caller owns it.
 */
public final class Java2DSurface implements DrawingSurface {

    private final double width;
    private final double height;
    private final AwtFonts fonts = new AwtFonts();
    private final Deque<State> stack = new ArrayDeque<>();
    private Graphics2D g;
    private State state = new State();
    private Path2D.Double path = new Path2D.Double();

    private static final class State {
        ChartColor stroke = new ChartColor(0, 0, 0, 1);
        ChartColor fill = new ChartColor(0, 0, 0, 1);
        double lineWidth = 1;
        float[] dash;
        ChartFont font = ChartFont.sans(12);
        Graphics2D graphics;

        State copy() {
            State s = new State();
            s.stroke = stroke;
            s.fill = fill;
            s.lineWidth = lineWidth;
            s.dash = dash;
            s.font = font;
            return s;
        }
    }

    public Java2DSurface(Graphics2D graphics, double width, double height) {
        this.g = graphics;
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
        state.graphics = g;
        stack.push(state);
        state = state.copy();
        g = (Graphics2D) g.create();
    }

    @Override
    public void restore() {
        if (stack.isEmpty()) {
            throw new IllegalStateException("restore without save");
        }
        g.dispose();
        state = stack.pop();
        g = state.graphics;
        state.graphics = null;
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
        if (pattern == null || pattern.length == 0) {
            state.dash = null;
        } else {
            float[] d = new float[pattern.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) pattern[i];
            }
            state.dash = d;
        }
        applyStroke();
    }

    private void applyStroke() {
        g.setStroke(new BasicStroke((float) state.lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, state.dash, 0f));
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
