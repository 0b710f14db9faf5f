package io.vigia.dashboards.analytics;

/**
 * Drift between two histograms with the same buckets. {@code status} is the Jensen–Shannon
 * verdict: NannyML's default univariate method for both continuous and categorical data, and the
 * only one here that needs neither raw samples (KS) nor bucket positions (Wasserstein works on
 * the approximate {@linkplain Histogram#representativePoints() bucket points}).
 */
public record HistogramDrift(
        double baselineTotal,
        double currentTotal,
        PsiResult psi,
        JensenShannonResult jensenShannon,
        WassersteinResult wasserstein,
        DriftMetric decidedBy,
        DriftStatus status) {
}
