package io.vigia.datasources.simulator;

import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;

/** Writes a simulation straight into a series store; the caller commits or rolls back. */
public final class SeriesWriterSink implements FleetSink {
    private final SeriesWriter writer;
    private long samples;

    public SeriesWriterSink(SeriesWriter writer) {
        this.writer = writer;
    }

    @Override
    public void sample(Labels labels, long timestampMillis, double value) {
        writer.append(labels, timestampMillis, value);
        samples++;
    }

    public long samples() {
        return samples;
    }
}
