package io.vigia.datasources.ingest;

/** What an import wrote: samples, distinct series, and the time span they cover (ms). */
public record ImportSummary(long samples, long series, long minTime, long maxTime) {
}
