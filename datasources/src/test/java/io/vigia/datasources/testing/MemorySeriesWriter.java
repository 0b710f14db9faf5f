package io.vigia.datasources.testing;

import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;

import java.util.ArrayList;
import java.util.List;

/** A {@link SeriesWriter} that keeps committed samples in memory, for tests. */
public final class MemorySeriesWriter implements SeriesWriter {
    public record Sample(Labels labels, long timestamp, double value) {
    }

    private final List<Sample> pending = new ArrayList<>();
    private final List<Sample> committed = new ArrayList<>();
    private int commits;
    private int rollbacks;

    @Override
    public synchronized void append(Labels labels, long timestampMillis, double value) {
        pending.add(new Sample(labels, timestampMillis, value));
    }

    @Override
    public synchronized void commit() {
        committed.addAll(pending);
        pending.clear();
        commits++;
    }

    @Override
    public synchronized void rollback() {
        pending.clear();
        rollbacks++;
    }

    @Override
    public void close() {
        commit();
    }

    public synchronized List<Sample> committed() {
        return List.copyOf(committed);
    }

    public synchronized int commits() {
        return commits;
    }

    public synchronized int rollbacks() {
        return rollbacks;
    }
}
