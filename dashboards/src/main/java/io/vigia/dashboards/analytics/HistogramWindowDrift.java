package io.vigia.dashboards.analytics;

import java.util.Optional;

/** Drift of the histogram at {@code timestamp} against the baseline; empty when it counted nothing. */
public record HistogramWindowDrift(long timestamp, double total, Optional<HistogramDrift> drift) {
}
