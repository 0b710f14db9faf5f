package io.vigia.datasources.instrument;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * {@link VigiaMetrics} kept in a Prometheus client_java 1.x registry, which {@code vigia serve}
 * exposes on {@code /metrics}. Names follow Prometheus's naming guide: a {@code vigia_} prefix,
 * base units, {@code _total} on counters (added by client_java).
 */
public final class ClientJavaMetrics implements VigiaMetrics {
    private final Histogram requestDuration;
    private final Counter seriesRead;
    private final Counter samplesRead;
    private final Counter cacheRequests;
    private final Counter scrapes;
    private final Counter scrapedSamples;
    private final Counter imports;
    private final Counter importedRecords;

    /** Registers Vigia's metrics, and {@code vigia_build_info{version}}, in {@code registry}. */
    public ClientJavaMetrics(PrometheusRegistry registry, String version) {
        requestDuration = Histogram.builder().name("vigia_http_request_duration_seconds").unit(Unit.SECONDS)
                .help("Time to answer a request to Vigia's HTTP API, by endpoint and outcome (success or Prometheus's errorType).")
                .labelNames("endpoint", "outcome")
                // classic buckets only: Prometheus 2.x scrapes text/OpenMetrics, where native histograms do not exist
                .classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
                .register(registry);
        seriesRead = Counter.builder().name("vigia_query_series_read_total")
                .help("Series read from the workspace store by queries.").register(registry);
        samplesRead = Counter.builder().name("vigia_query_samples_read_total")
                .help("Samples read from the workspace store by queries.").register(registry);
        cacheRequests = Counter.builder().name("vigia_query_cache_requests_total")
                .help("Remote queries looked up in the workspace's result cache, by result (hit or miss).")
                .labelNames("result").register(registry);
        scrapes = Counter.builder().name("vigia_scrapes_total")
                .help("Scrapes stored in the workspace, by job and result (up or down).")
                .labelNames("job", "result").register(registry);
        scrapedSamples = Counter.builder().name("vigia_scrape_samples_total")
                .help("Samples scraped and stored in the workspace, by job.").labelNames("job").register(registry);
        imports = Counter.builder().name("vigia_imports_total")
                .help("Imports into the workspace, by kind and result (success or failure).")
                .labelNames("kind", "result").register(registry);
        importedRecords = Counter.builder().name("vigia_imported_records_total")
                .help("Records written by imports, by kind.").labelNames("kind").register(registry);
        Info.builder().name("vigia_build").help("The Vigia version serving these metrics.")
                .labelNames("version").register(registry).setLabelValues(version);
    }

    @Override
    public void requestFinished(String endpoint, String outcome, double seconds) {
        requestDuration.labelValues(endpoint, outcome).observe(seconds);
    }

    @Override
    public void seriesRead(long series, long samples) {
        seriesRead.inc(series);
        samplesRead.inc(samples);
    }

    @Override
    public void cacheLookup(boolean hit) {
        cacheRequests.labelValues(hit ? "hit" : "miss").inc();
    }

    @Override
    public void scrapeFinished(String job, boolean up, long samples, double seconds) {
        scrapes.labelValues(job, up ? "up" : "down").inc();
        scrapedSamples.labelValues(job).inc(samples);
    }

    @Override
    public void importFinished(String kind, boolean ok, long records) {
        imports.labelValues(kind, ok ? "success" : "failure").inc();
        importedRecords.labelValues(kind).inc(records);
    }
}
