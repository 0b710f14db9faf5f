package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;

/**
 * A marker on the time axis: a point in time (a deploy) when {@code endTs == ts}, or a region
 * (a missing day, a maintenance window) from {@code ts} to {@code endTs}, like Grafana's
 * {@code time}/{@code timeEnd}. {@code color} may be null for the theme's default.
 */
public record Annotation(long ts, long endTs, String text, ChartColor color) {

    public Annotation {
        text = text == null ? "" : text;
        if (endTs < ts) {
            throw new IllegalArgumentException("annotation ends before it starts");
        }
    }

    /** A point annotation. */
    public Annotation(long ts, String text, ChartColor color) {
        this(ts, ts, text, color);
    }

    public boolean isRegion() {
        return endTs > ts;
    }
}
