package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;

import java.util.List;

/** A threshold step (Grafana's {@code thresholds.steps}): from {@code value} upwards the colour applies. */
public record Threshold(double value, ChartColor color) {

    /**
     * Grafana's semantics: the colour of the highest step at or below the value; {@code base}
     * below the first step (or for NaN). Steps must be sorted ascending.
     */
    public static ChartColor colorFor(List<Threshold> steps, double value, ChartColor base) {
        ChartColor c = base;
        if (Double.isNaN(value)) {
            return base;
        }
        for (Threshold t : steps) {
            if (value >= t.value()) {
                c = t.color();
            }
        }
        return c;
    }
}
