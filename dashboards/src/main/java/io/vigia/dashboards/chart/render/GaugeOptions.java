package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.axis.Unit;
import java.util.Comparator;
import java.util.List;

/** Options of a gauge: unit and threshold steps (drawn as a ring and colouring the value). */
public record GaugeOptions(Unit unit, List<Threshold> thresholds) {

    public GaugeOptions {
        thresholds = thresholds.stream().sorted(Comparator.comparingDouble(Threshold::value)).toList();
    }
}
