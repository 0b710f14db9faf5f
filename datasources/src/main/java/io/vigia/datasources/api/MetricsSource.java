package io.vigia.datasources.api;

import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SampleSpan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A PromQL data source: the embedded engine over the workspace store, or a remote
 * Prometheus-compatible server. Dashboards are written once against this interface.
 * Every call may block; callers run it off the UI thread.
 */
public interface MetricsSource {

    /** Human-readable name, e.g. "Local store" or a server URL. */
    String name();

    QueryResponse query(String expr, Instant time) throws QueryException;

    QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) throws QueryException;

    List<Labels> series(List<String> matchers, Instant start, Instant end) throws QueryException;

    List<String> labelNames(List<String> matchers, Instant start, Instant end) throws QueryException;

    List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) throws QueryException;

    /**
     * The source's scrape interval as configured (Grafana's "scrape interval" setting), the lower
     * bound of a panel's step; empty when the source does not say and the dashboard's default applies.
     */
    default java.util.Optional<Duration> minInterval() {
        return java.util.Optional.empty();
    }

    /**
     * When the series matching the selectors ({@code match[]} form) have samples inside
     * {@code [from, to]}; empty when none has any. The default searches with {@link #series}
     * (index lookups, no sample read), to within a minute; the local store answers exactly from
     * its chunk index. "Zoom to data" uses it when a dashboard's range holds nothing.
     */
    default java.util.Optional<SampleSpan> sampleSpan(List<String> selectors, Instant from, Instant to) throws QueryException {
        return SeriesSpanSearch.find(this, selectors, from, to);
    }
}
