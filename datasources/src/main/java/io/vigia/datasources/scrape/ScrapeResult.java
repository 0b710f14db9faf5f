package io.vigia.datasources.scrape;

/** The outcome of one scrape; {@code error} is null when the target was up. */
public record ScrapeResult(long timestampMillis, boolean up, int samples, int staleMarkers, double durationSeconds, String error) {
}
