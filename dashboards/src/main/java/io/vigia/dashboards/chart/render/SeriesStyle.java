package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;

/** How one series was drawn: its colour and whether the legend hid it. */
public record SeriesStyle(String name, ChartColor color, boolean hidden) {
}
