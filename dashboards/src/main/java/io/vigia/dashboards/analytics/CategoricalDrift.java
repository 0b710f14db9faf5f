package io.vigia.dashboards.analytics;

import java.util.List;

/**
 * Drift of a categorical mix (e.g. guardrail categories, week over week). {@code categories} is
 * the union of both windows' categories in first-seen order, with the matching counts (0 where a
 * window has none). {@code status} follows Evidently's default for a categorical column:
 * chi-square for a baseline of at most 1,000 observations, Jensen–Shannon above.
 */
public record CategoricalDrift(
        List<String> categories,
        long[] baselineCounts,
        long[] currentCounts,
        ChiSquareResult chiSquare,
        JensenShannonResult jensenShannon,
        PsiResult psi,
        DriftMetric decidedBy,
        DriftStatus status) {

    public CategoricalDrift {
        categories = List.copyOf(categories);
        baselineCounts = baselineCounts.clone();
        currentCounts = currentCounts.clone();
    }

    @Override
    public long[] baselineCounts() {
        return baselineCounts.clone();
    }

    @Override
    public long[] currentCounts() {
        return currentCounts.clone();
    }
}
