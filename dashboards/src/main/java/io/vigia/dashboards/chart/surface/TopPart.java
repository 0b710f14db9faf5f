package io.vigia.dashboards.chart.surface;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartFont;
import io.vigia.dashboards.chart.DrawingSurface;

/**
 * The top of a surface, {@code height} pixels tall, as a surface of its own: renderers lay out to
 * its height and draw in the same coordinates, leaving the strip below for a footer line.
 */
public final class TopPart implements DrawingSurface {
    private final DrawingSurface s;
    private final double height;

    public TopPart(DrawingSurface s, double height) {
        this.s = s;
        this.height = Math.max(0, Math.min(height, s.height()));
    }

    @Override
    public double width() {
        return s.width();
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public void save() {
        s.save();
    }

    @Override
    public void restore() {
        s.restore();
    }

    @Override
    public void setStroke(ChartColor color) {
        s.setStroke(color);
    }

    @Override
    public void setFill(ChartColor color) {
        s.setFill(color);
    }

    @Override
    public void setLineWidth(double width) {
        s.setLineWidth(width);
    }

    @Override
    public void setLineDash(double... pattern) {
        s.setLineDash(pattern);
    }

    @Override
    public void setFont(ChartFont font) {
        s.setFont(font);
    }

    @Override
    public TextMetrics measureText(String text) {
        return s.measureText(text);
    }

    @Override
    public void beginPath() {
        s.beginPath();
    }

    @Override
    public void moveTo(double x, double y) {
        s.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        s.lineTo(x, y);
    }

    @Override
    public void closePath() {
        s.closePath();
    }

    @Override
    public void stroke() {
        s.stroke();
    }

    @Override
    public void fill() {
        s.fill();
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        s.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        s.strokeRect(x, y, w, h);
    }

    @Override
    public void fillText(String text, double x, double y) {
        s.fillText(text, x, y);
    }

    @Override
    public void drawArgb(int[] argb, int imageWidth, int imageHeight, double x, double y, double w, double h) {
        s.drawArgb(argb, imageWidth, imageHeight, x, y, w, h);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        s.pushClip(x, y, w, h);
    }

    @Override
    public void popClip() {
        s.popClip();
    }
}
