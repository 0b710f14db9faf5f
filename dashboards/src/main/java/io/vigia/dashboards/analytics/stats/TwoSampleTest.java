package io.vigia.dashboards.analytics.stats;

import io.vigia.dashboards.analytics.Interval;

import java.util.Locale;

/**
 * A before/after comparison with everything a verdict needs: the sizes, the test, the effect
 * (difference of the estimator, after − before) with its confidence interval, and the p-value.
 *
 * @param method      the test in words, printed next to the verdict
 * @param blockBefore points per bootstrap block in the before sample (1: no autocorrelation seen)
 * @param pValue      two-sided, of "no difference"; never below {@code 1 / (resamples + 1)}
 */
public record TwoSampleTest(String method, Estimator estimator, int nBefore, int nAfter, int blockBefore,
                            int blockAfter, double before, double after, double difference,
                            Interval differenceInterval, double confidence, double pValue, int resamples) {

    /** Relative change in percent of the before value; NaN when it is 0. */
    public double percentChange() {
        return before == 0 ? Double.NaN : 100 * difference / Math.abs(before);
    }

    /** "n = 60 / 55, circular block bootstrap …, Δ median = 0.12 [0.08, 0.16], p = 0.0005". */
    public String summary() {
        return String.format(Locale.ROOT, "n = %d before / %d after; %s; Δ %s = %.4g [%.4g, %.4g] (%.0f%% CI); p = %s",
                nBefore, nAfter, method, estimator.label(), difference, differenceInterval.lower(),
                differenceInterval.upper(), confidence * 100, formatP(pValue, resamples));
    }

    /** A p-value as printed: "< 0.0005" at the bootstrap's resolution. */
    public static String formatP(double p, int resamples) {
        if (Double.isNaN(p)) {
            return "—";
        }
        double floor = 1.0 / (resamples + 1);
        return p <= floor ? String.format(Locale.ROOT, "≤ %.2g", floor) : String.format(Locale.ROOT, "%.3g", p);
    }
}
