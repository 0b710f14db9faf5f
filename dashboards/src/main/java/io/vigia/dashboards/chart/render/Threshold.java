package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;

/** A threshold step (Grafana's {@code thresholds.steps}): from {@code value} upwards the colour applies. */
public record Threshold(double value, ChartColor color) {
}
