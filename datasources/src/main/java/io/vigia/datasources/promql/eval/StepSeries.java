package io.vigia.datasources.promql.eval;

import io.vigia.persistence.series.Labels;

/**
 * One instant-vector series evaluated at every step of a query: a value per step and whether the
 * series has a sample at that step. {@code dropName} is Prometheus 3's delayed metric-name removal:
 * the name is removed when the query's result is assembled, not where the function ran.
 */
public final class StepSeries {
    public Labels labels;
    public final double[] values;
    public final boolean[] present;
    public boolean dropName;

    public StepSeries(Labels labels, int steps, boolean dropName) {
        this.labels = labels;
        this.values = new double[steps];
        this.present = new boolean[steps];
        this.dropName = dropName;
    }

    public void set(int step, double v) {
        values[step] = v;
        present[step] = true;
    }

    public boolean isEmpty() {
        for (boolean p : present) {
            if (p) {
                return false;
            }
        }
        return true;
    }

    /** A copy with other labels and the same samples. */
    public StepSeries copy(Labels newLabels, boolean newDropName) {
        StepSeries s = new StepSeries(newLabels, values.length, newDropName);
        System.arraycopy(values, 0, s.values, 0, values.length);
        System.arraycopy(present, 0, s.present, 0, present.length);
        return s;
    }
}
