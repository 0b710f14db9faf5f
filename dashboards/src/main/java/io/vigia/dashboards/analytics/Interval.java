package io.vigia.dashboards.analytics;

/** A closed interval, here a bootstrap confidence interval. */
public record Interval(double lower, double upper) {
    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }
}
