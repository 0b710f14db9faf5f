package io.vigia.dashboards.chart.axis;

/** Maps epoch milliseconds [from, to] onto pixels [left, right]. */
public record TimeScale(long from, long to, double left, double right) {

    public TimeScale {
        if (to <= from) {
            throw new IllegalArgumentException("empty time range: " + from + ".." + to);
        }
        if (!(right > left)) {
            throw new IllegalArgumentException("empty pixel range: " + left + ".." + right);
        }
    }

    public double toPixel(long t) {
        return left + (double) (t - from) / (double) (to - from) * (right - left);
    }

    public long toTime(double pixel) {
        return from + Math.round((pixel - left) / (right - left) * (double) (to - from));
    }

    /** Milliseconds per pixel. */
    public double msPerPixel() {
        return (double) (to - from) / (right - left);
    }
}
