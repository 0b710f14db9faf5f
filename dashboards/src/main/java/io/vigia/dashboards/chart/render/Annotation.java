package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;

/** A vertical marker at a time, e.g. a deploy; {@code color} may be null for the theme's default. */
public record Annotation(long ts, String text, ChartColor color) {

    public Annotation {
        text = text == null ? "" : text;
    }
}
