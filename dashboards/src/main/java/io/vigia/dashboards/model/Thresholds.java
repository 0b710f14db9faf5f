package io.vigia.dashboards.model;

import java.util.List;

/**
 * Thresholds as Grafana defines them: a base colour and steps from a value upwards; absolute or
 * as a percentage of the min..max range. {@code display} says how a time series panel draws them.
 */
public record Thresholds(Mode mode, List<Step> steps, Display display) {
    public enum Mode { ABSOLUTE, PERCENTAGE }

    public enum Display { OFF, LINE, AREA, LINE_AND_AREA }

    /** {@code value} is null for the base step (minus infinity). */
    public record Step(Double value, String color) {
    }

    public static final Thresholds NONE = new Thresholds(Mode.ABSOLUTE, List.of(), Display.OFF);

    public Thresholds {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.stream().allMatch(s -> s.value() == null);
    }

    /** The colour of the highest step at or below {@code v}; null when there are no steps. */
    public String colorFor(double v) {
        String color = null;
        for (Step s : steps) {
            if (s.value() == null || v >= s.value()) {
                color = s.color();
            }
        }
        return color;
    }
}
