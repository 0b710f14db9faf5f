package io.vigia.dashboards.chart.data;

/**
 * A stat tile: the current value, the value of the previous period (NaN when unknown) and a
 * sparkline of the current period. {@code changeNote}, when not empty, is shown instead of a change
 * that must not be computed (e.g. the numbers before and after a re-baseline are not comparable).
 */
public record StatData(String title, double value, double previous, TimeSeriesData sparkline, String changeNote) {

    public StatData {
        changeNote = changeNote == null ? "" : changeNote;
    }

    public StatData(String title, double value, double previous, TimeSeriesData sparkline) {
        this(title, value, previous, sparkline, "");
    }

    /** Relative change vs the previous period (0.1 = +10 %), NaN when it cannot be computed. */
    public double delta() {
        if (Double.isNaN(value) || Double.isNaN(previous) || previous == 0) {
            return Double.NaN;
        }
        return (value - previous) / Math.abs(previous);
    }
}
