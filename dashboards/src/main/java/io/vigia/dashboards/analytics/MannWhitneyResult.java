package io.vigia.dashboards.analytics;

/**
 * Mann–Whitney U test, two-sided, normal approximation with tie and continuity corrections (as
 * {@code scipy.stats.mannwhitneyu(before, after, method="asymptotic")}): {@code u} is the U
 * statistic of the before sample; {@code tiedValues} whether any value occurs more than once.
 */
public record MannWhitneyResult(double u, double pValue, boolean tiedValues) {
}
