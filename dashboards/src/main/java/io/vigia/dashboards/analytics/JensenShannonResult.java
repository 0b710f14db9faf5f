package io.vigia.dashboards.analytics;

/** Jensen–Shannon distance (base 2, in [0, 1]). */
public record JensenShannonResult(double distance, DriftStatus status) {
}
