package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;

/**
 * Per-series drawing overrides (Grafana's field overrides, by series name): a fixed colour
 * (null keeps the palette's) and a dashed line, e.g. for the previous period drawn as an overlay.
 */
public record SeriesOverride(ChartColor color, boolean dashed) {
}
