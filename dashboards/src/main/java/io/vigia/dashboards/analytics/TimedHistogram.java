package io.vigia.dashboards.analytics;

/** A histogram of one window (e.g. the {@code increase()} of each {@code le} bucket), stamped in epoch ms. */
public record TimedHistogram(long timestamp, Histogram histogram) {
    public TimedHistogram {
        if (histogram == null) {
            throw new IllegalArgumentException("histogram is required");
        }
    }
}
