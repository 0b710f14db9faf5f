package io.vigia.dashboards.analytics;

/**
 * One quantile before and after, its difference ({@code after − before}) and percent change
 * ({@code 100 · difference / |before|}, NaN when {@code before} is 0), each with a bootstrap
 * percentile confidence interval. {@code significant}: the difference's interval excludes 0.
 */
public record QuantileChange(
        double probability,
        double before,
        double after,
        double difference,
        double percentChange,
        Interval beforeInterval,
        Interval afterInterval,
        Interval differenceInterval,
        boolean significant) {
}
