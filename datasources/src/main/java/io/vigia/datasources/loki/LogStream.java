package io.vigia.datasources.loki;

import io.vigia.persistence.series.Labels;

/**
 * One Loki stream: its labels and its entries as parallel arrays (no object per log line beyond
 * the line itself). Entries without structured metadata or parsed labels share
 * {@link Labels#EMPTY}. Arrays are owned by the record and must not be changed.
 *
 * @param timestampsNanos    entry timestamps, nanoseconds since the epoch, in the order Loki sent them
 * @param structuredMetadata per entry, Loki's structured metadata (categorize-labels), else EMPTY
 * @param parsed             per entry, labels extracted by parsers in the query (categorize-labels), else EMPTY
 */
public record LogStream(Labels labels, long[] timestampsNanos, String[] lines, Labels[] structuredMetadata,
                        Labels[] parsed) {
    public LogStream {
        int n = timestampsNanos.length;
        if (lines.length != n || structuredMetadata.length != n || parsed.length != n) {
            throw new IllegalArgumentException("stream arrays differ in length");
        }
    }

    public int size() {
        return lines.length;
    }

    /** Epoch milliseconds of entry {@code i}, for charts that work in milliseconds. */
    public long timestampMillis(int i) {
        return Math.floorDiv(timestampsNanos[i], 1_000_000L);
    }
}
