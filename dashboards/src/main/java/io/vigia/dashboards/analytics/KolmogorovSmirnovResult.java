package io.vigia.dashboards.analytics;

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided: {@code statistic} is the largest distance between
 * the empirical CDFs. {@code significantTies} says ties between the samples make the exact p-value
 * only approximate (Commons Statistics flags it; scipy says nothing and gives the same number).
 */
public record KolmogorovSmirnovResult(double statistic, double pValue, boolean significantTies, DriftStatus status) {
}
