package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.axis.Unit;
import java.time.ZoneId;

/** Options of a histogram heatmap: the title, the unit of the bucket bounds and the time zone. */
public record HeatmapOptions(String title, Unit bucketUnit, ZoneId zone) {

    public HeatmapOptions {
        title = title == null ? "" : title;
    }
}
