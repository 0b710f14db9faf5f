package io.vigia.datasources.instrument;

/**
 * What Vigia records about its own work, for its {@code /metrics}: the core (scraper, importers,
 * query cache, the HTTP API) calls this interface and never a metrics library, and the
 * composition root decides where the numbers go ({@link ClientJavaMetrics} for {@code vigia serve},
 * {@link #NONE} where nothing exposes them). Implementations are thread-safe.
 */
public interface VigiaMetrics {
    /** Records nothing; for commands and tests that expose no metrics. */
    VigiaMetrics NONE = new VigiaMetrics() {
    };

    /**
     * One API request answered.
     *
     * @param endpoint the API path, e.g. {@code /api/v1/query_range} (a fixed set, never user input)
     * @param outcome  {@code success} or Prometheus's error type ({@code bad_data}, {@code timeout}, ...)
     */
    default void requestFinished(String endpoint, String outcome, double seconds) {
    }

    /** Series and samples a query read from the store. */
    default void seriesRead(long series, long samples) {
    }

    /** A query answered from the workspace's result cache ({@code hit}) or sent to the source. */
    default void cacheLookup(boolean hit) {
    }

    /** One scrape of a target stored: whether it was up and how many samples it gave. */
    default void scrapeFinished(String job, boolean up, long samples, double seconds) {
    }

    /**
     * One import finished.
     *
     * @param kind    what was imported ({@code openmetrics}, {@code copilot}, ...)
     * @param ok      false when it failed and nothing was written
     * @param records records written (0 for a failure)
     */
    default void importFinished(String kind, boolean ok, long records) {
    }
}
