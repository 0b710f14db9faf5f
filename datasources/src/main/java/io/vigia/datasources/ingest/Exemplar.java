package io.vigia.datasources.ingest;

import io.vigia.persistence.series.Labels;

/** An OpenMetrics exemplar; {@code timestampSeconds} is NaN when the exposition gave none. */
public record Exemplar(Labels labels, double value, double timestampSeconds) {
}
