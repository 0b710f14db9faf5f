package io.vigia.dashboards.chart.reduce;

/**
 * Points ready to draw: x in pixels, y as data values (mapped to pixels by the renderer), and
 * NaN in {@code y} marking a break in the line. Only the first {@code size} entries are used.
 */
public record Polyline(double[] x, double[] y, int size) {

    public Polyline {
        if (size < 0 || size > x.length || size > y.length) {
            throw new IllegalArgumentException("size " + size + " exceeds the arrays");
        }
    }

    /** Number of drawable (non-NaN) points. */
    public int pointCount() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(y[i])) {
                n++;
            }
        }
        return n;
    }
}
