package io.vigia.datasources.ingest;

import io.vigia.persistence.series.Labels;

/** Receives what {@link ExpositionParser} reads, in file order. */
public interface ExpositionSink {

    /** Metadata of a family, once its HELP/TYPE/UNIT lines are read (before its first sample). */
    default void family(String name, MetricType type, String help, String unit) {
    }

    /**
     * One sample. {@code labels} includes {@code __name__}; {@code timestampMillis} is meaningful
     * only when {@code hasTimestamp} (an OpenMetrics timestamp beyond the range of a long in
     * milliseconds saturates). {@code exemplar} is null when absent.
     */
    void sample(Labels labels, double value, boolean hasTimestamp, long timestampMillis, Exemplar exemplar);
}
