package io.vigia.dashboards.analytics.stats;

import org.apache.commons.statistics.descriptive.Quantile;

/** The location statistic a two-sample comparison takes the difference of. */
public enum Estimator {
    MEDIAN("median"), MEAN("mean");

    /** numpy's default linear quantile (Hyndman–Fan type 7); this class hands it its own copies only. */
    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).withCopy(false);

    private final String label;

    Estimator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statistic of {@code values}; may reorder the array when it is the median. */
    double evaluateInPlace(double[] values) {
        if (this == MEDIAN) {
            return QUANTILE.evaluate(values, 0.5);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The statistic of {@code values}, which are left as they are. */
    public double evaluate(double[] values) {
        return evaluateInPlace(values.clone());
    }
}
