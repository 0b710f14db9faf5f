package io.vigia.dashboards.model;

import java.util.Objects;

/** How a panel shows its values: unit, bounds, decimals and thresholds (Grafana's fieldConfig.defaults). */
public record FieldConfig(String unit, Double min, Double max, Integer decimals, Thresholds thresholds) {
    public static final FieldConfig DEFAULT = new FieldConfig("", null, null, null, Thresholds.NONE);

    public FieldConfig {
        unit = Objects.requireNonNullElse(unit, "");
        thresholds = Objects.requireNonNullElse(thresholds, Thresholds.NONE);
    }

    public FieldConfig withUnit(String u) {
        return new FieldConfig(u, min, max, decimals, thresholds);
    }

    public FieldConfig withThresholds(Thresholds t) {
        return new FieldConfig(unit, min, max, decimals, t);
    }
}
