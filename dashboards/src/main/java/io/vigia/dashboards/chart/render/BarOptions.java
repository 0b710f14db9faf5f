package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.axis.Unit;

/** Options of a bar chart. */
public record BarOptions(String title, Unit unit, Mode mode, Orientation orientation, LegendMode legend) {

    public enum Mode { GROUPED, STACKED }

    public enum Orientation { VERTICAL, HORIZONTAL }

    public BarOptions {
        title = title == null ? "" : title;
    }

    public static BarOptions defaults() {
        return new BarOptions("", Unit.NONE, Mode.GROUPED, Orientation.VERTICAL, LegendMode.LIST);
    }
}
