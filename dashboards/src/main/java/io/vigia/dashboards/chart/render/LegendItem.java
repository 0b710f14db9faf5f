package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.Rect;

/** Where a legend entry was drawn, for hit-testing clicks. */
public record LegendItem(String series, Rect bounds) {
}
