package io.vigia.dashboards.chart;

/** An axis-aligned rectangle in surface pixels. */
public record Rect(double x, double y, double width, double height) {

    public Rect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size: " + width + "x" + height);
        }
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public boolean contains(double px, double py) {
        return px >= x && px < x + width && py >= y && py < y + height;
    }

    /** This rectangle shrunk by the given insets, never below zero size. */
    public Rect inset(double top, double right, double bottom, double left) {
        return new Rect(x + left, y + top, Math.max(0, width - left - right), Math.max(0, height - top - bottom));
    }
}
