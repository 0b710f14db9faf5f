package io.vigia.dashboards.findings;

/**
 * A series' usual band at each step, as a time-series panel can draw it: {@code median} is the
 * seasonal baseline, {@code lower}/{@code upper} its edges (NaN where the history is too short).
 * {@code values} is the series itself on the same steps. Arrays are owned by the record.
 */
public record Band(long[] timestamps, double[] values, double[] lower, double[] median, double[] upper) {
    public Band {
        int n = timestamps.length;
        if (values.length != n || lower.length != n || median.length != n || upper.length != n) {
            throw new IllegalArgumentException("band arrays differ in length");
        }
    }

    public int size() {
        return timestamps.length;
    }

    /** Whether the value at {@code i} is outside the band (false where either is unknown). */
    public boolean outside(int i) {
        return Double.isFinite(values[i]) && Double.isFinite(median[i]) && (values[i] > upper[i] || values[i] < lower[i]);
    }
}
