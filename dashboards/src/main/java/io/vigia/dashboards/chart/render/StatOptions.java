package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.model.KpiDirection;

import java.util.Comparator;
import java.util.List;

/**
 * Options of a stat tile. {@code direction} decides whether a rise is shown in the "ok" or the
 * "critical" colour (latency: lower is better; acceptance rate: higher), or not coloured (neutral).
 */
public record StatOptions(Unit unit, List<Threshold> thresholds, KpiDirection direction, String previousLabel) {

    public StatOptions {
        thresholds = thresholds.stream().sorted(Comparator.comparingDouble(Threshold::value)).toList();
        previousLabel = previousLabel == null ? "vs previous period" : previousLabel;
    }

    public static StatOptions of(Unit unit) {
        return new StatOptions(unit, List.of(), KpiDirection.NEUTRAL, null);
    }
}
