package io.vigia.dashboards.analytics;

/** Population Stability Index over {@code bins} bins, empty bins counted as {@code epsilon}. */
public record PsiResult(double value, int bins, double epsilon, DriftStatus status) {
}
