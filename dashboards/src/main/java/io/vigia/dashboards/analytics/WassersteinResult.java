package io.vigia.dashboards.analytics;

/**
 * Wasserstein-1 distance in the samples' unit, and the same divided by the baseline's standard
 * deviation (at least 0.001), as Evidently's {@code wasserstein} stattest normalizes it; the status
 * judges the normalized value.
 */
public record WassersteinResult(double distance, double normalized, DriftStatus status) {
}
