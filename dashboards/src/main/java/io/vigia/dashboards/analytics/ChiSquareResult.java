package io.vigia.dashboards.analytics;

/** Pearson's chi-square test of homogeneity (no Yates correction) with its degrees of freedom. */
public record ChiSquareResult(double statistic, int degreesOfFreedom, double pValue, DriftStatus status) {
}
