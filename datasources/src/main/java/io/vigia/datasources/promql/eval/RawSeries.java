package io.vigia.datasources.promql.eval;

import io.vigia.persistence.series.Labels;

/**
 * Samples of one series in time order (a range vector's member), stale markers removed.
 * {@code st} holds the samples' start timestamps when the store carries them and the
 * {@code use-start-timestamps} feature is on, else null (subquery results never carry them).
 */
public record RawSeries(Labels labels, long[] ts, double[] values, boolean dropName, long[] st) {

    public RawSeries(Labels labels, long[] ts, double[] values, boolean dropName) {
        this(labels, ts, values, dropName, null);
    }
}
