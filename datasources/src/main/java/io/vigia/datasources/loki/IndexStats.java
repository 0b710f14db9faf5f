package io.vigia.datasources.loki;

/** {@code /loki/api/v1/index/stats}: how much data a selector would touch. */
public record IndexStats(long streams, long chunks, long entries, long bytes) {
}
