package io.vigia.datasources.loki;

import io.vigia.persistence.series.Labels;

import java.util.List;

/** One frame of {@code /loki/api/v1/tail}: new entries and what the server dropped. */
public record TailFrame(List<LogStream> streams, List<DroppedEntry> droppedEntries, java.util.Set<String> encodingFlags) {

    public record DroppedEntry(long timestampNanos, Labels labels) {
    }
}
