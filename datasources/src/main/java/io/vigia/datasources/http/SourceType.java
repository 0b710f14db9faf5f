package io.vigia.datasources.http;

/** The API a remote data source speaks. */
public enum SourceType {
    /** Prometheus HTTP API: Prometheus, Mimir, Thanos, Cortex, VictoriaMetrics. */
    PROMETHEUS,
    /** Loki HTTP API. */
    LOKI
}
