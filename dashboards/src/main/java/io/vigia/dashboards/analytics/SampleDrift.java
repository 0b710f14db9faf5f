package io.vigia.dashboards.analytics;

/**
 * Drift between two windows of raw samples (after NaNs were dropped). {@code status} is the
 * verdict of {@code decidedBy}, picked as Evidently picks its default test for a numerical column:
 * Kolmogorov–Smirnov for a baseline of at most 1,000 samples, normalized Wasserstein above
 * (Evidently docs, "Data drift" algorithm: default tests by data size).
 */
public record SampleDrift(
        int baselineCount,
        int currentCount,
        PsiResult psi,
        JensenShannonResult jensenShannon,
        KolmogorovSmirnovResult kolmogorovSmirnov,
        WassersteinResult wasserstein,
        DriftMetric decidedBy,
        DriftStatus status) {
}
