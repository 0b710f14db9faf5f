package io.vigia.dashboards.chart.data;

/** A gauge: a value on a [min, max] scale. */
public record GaugeData(String title, double value, double min, double max) {

    public GaugeData {
        if (!(max > min)) {
            throw new IllegalArgumentException("gauge max must exceed min: " + min + ".." + max);
        }
    }

    /** Where the value sits on the scale, clamped to 0..1 (NaN stays NaN). */
    public double fraction() {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, (value - min) / (max - min)));
    }
}
