package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;
import java.util.List;

/** Grafana threshold semantics: the colour of the highest step at or below the value. */
public final class Thresholds {

    private Thresholds() {
    }

    /** {@code base} below the first step (or for NaN); steps must be sorted ascending. */
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
