package io.vigia.datasources.promql.eval;

import io.vigia.persistence.series.Labels;

/** Samples of one series in time order (a range vector's member), stale markers removed. */
public record RawSeries(Labels labels, long[] ts, double[] values, boolean dropName) {
}
