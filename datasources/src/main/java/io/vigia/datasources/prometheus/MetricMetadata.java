package io.vigia.datasources.prometheus;

/** One entry of {@code /api/v1/metadata}: the metric's type, help text and unit as scraped. */
public record MetricMetadata(String type, String help, String unit) {
}
