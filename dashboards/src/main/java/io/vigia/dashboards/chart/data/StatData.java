package io.vigia.dashboards.chart.data;

/**
 * A stat tile: the current value, the value of the previous period (NaN when unknown) and a
 * sparkline of the current period.
 */
public record StatData(String title, double value, double previous, TimeSeriesData sparkline) {

    /** Relative change vs the previous period (0.1 = +10 %), NaN when it cannot be computed. */
    public double delta() {
        if (Double.isNaN(value) || Double.isNaN(previous) || previous == 0) {
            return Double.NaN;
        }
        return (value - previous) / Math.abs(previous);
    }
}
