package io.vigia.dashboards.analytics;

/** The scores a drift report can rest on. */
public enum DriftMetric {
    PSI, JENSEN_SHANNON, KOLMOGOROV_SMIRNOV, WASSERSTEIN, CHI_SQUARE
}
