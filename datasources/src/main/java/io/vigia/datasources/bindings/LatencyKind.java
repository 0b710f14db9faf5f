package io.vigia.datasources.bindings;

/** How a latency metric is exposed, best first; a panel says so when it shows less than quantiles from buckets. */
public enum LatencyKind {
    /** Native histogram: the bare name holds the whole distribution. */
    NATIVE_HISTOGRAM("native histogram"),
    /** {@code _bucket} series with {@code le}. */
    CLASSIC_HISTOGRAM("histogram buckets"),
    /** Pre-computed quantiles in a {@code quantile} label: cannot be aggregated across instances. */
    SUMMARY("summary quantiles"),
    /** Only {@code _sum} and {@code _count}: the mean, no quantiles. */
    MEAN_ONLY("mean only (_sum/_count)");

    private final String text;

    LatencyKind(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
