package io.vigia.datasources.ingest;

import java.util.Locale;

/** The two text formats a {@code /metrics} endpoint may answer in. */
public enum ExpositionFormat {
    /** Prometheus text format 0.0.4 ({@code text/plain; version=0.0.4}). */
    PROMETHEUS_TEXT,
    /** OpenMetrics 1.0 text ({@code application/openmetrics-text; version=1.0.0}). */
    OPENMETRICS;

    /**
     * The Accept header Prometheus sends when scraping, preferring OpenMetrics and falling back
     * to the classic text format.
     */
    public static final String SCRAPE_ACCEPT = "application/openmetrics-text;version=1.0.0;q=0.5,"
            + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.1";

    /** The format of a response by its Content-Type; classic text when absent or unknown, as Prometheus does. */
    public static ExpositionFormat fromContentType(String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/openmetrics-text")) {
            return OPENMETRICS;
        }
        return PROMETHEUS_TEXT;
    }
}
