package io.vigia.dashboards.analytics;

import java.util.List;

/**
 * Before/after comparison of two samples (e.g. payment latencies before and after a deploy).
 * {@code significant}: the Mann–Whitney p-value is below {@code alpha}.
 */
public record BeforeAfterComparison(
        int beforeCount,
        int afterCount,
        List<QuantileChange> quantiles,
        MannWhitneyResult mannWhitney,
        double alpha,
        double confidence,
        int resamples,
        long seed,
        boolean significant) {

    public BeforeAfterComparison {
        quantiles = List.copyOf(quantiles);
    }

    /** The change at probability {@code p} (e.g. 0.95), if it was computed. */
    public QuantileChange quantile(double p) {
        return quantiles.stream().filter(q -> q.probability() == p).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("quantile " + p + " was not computed"));
    }
}
