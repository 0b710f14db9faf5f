package io.vigia.datasources.ingest;

/** The two text formats a {@code /metrics} endpoint may answer in. */
public enum ExpositionFormat {
    /** Prometheus text format 0.0.4 ({@code text/plain; version=0.0.4}). */
    PROMETHEUS_TEXT,
    /** OpenMetrics 1.0 text ({@code application/openmetrics-text; version=1.0.0}). */
    OPENMETRICS;

    /**
     * The Accept header Prometheus 2.42 sends when scraping (scrapeAcceptHeader in scrape/scrape.go
     * at v2.42.0), preferring OpenMetrics and falling back to the classic text format.
     */
    public static final String SCRAPE_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    /**
     * The format of a response by its Content-Type, as Prometheus picks its parser: OpenMetrics for
     * {@code application/openmetrics-text} (any version), the text format for anything else,
     * including no header and a header Go's MIME parser refuses.
     */
    public static ExpositionFormat fromContentType(String contentType) {
        if (contentType != null && "application/openmetrics-text".equals(ContentTypes.mediaType(contentType))) {
            return OPENMETRICS;
        }
        return PROMETHEUS_TEXT;
    }
}
