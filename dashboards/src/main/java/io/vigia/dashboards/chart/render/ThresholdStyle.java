package io.vigia.dashboards.chart.render;

/** How thresholds show on a time series (Grafana's {@code thresholdsStyle.mode}). */
public enum ThresholdStyle {
    OFF, LINE, BAND, LINE_AND_BAND;

    boolean lines() {
        return this == LINE || this == LINE_AND_BAND;
    }

    boolean bands() {
        return this == BAND || this == LINE_AND_BAND;
    }
}
