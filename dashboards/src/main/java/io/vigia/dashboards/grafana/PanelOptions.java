package io.vigia.dashboards.grafana;

/** Names of the panel display options Vigia reads and writes ({@code Panel.options()}). */
public final class PanelOptions {
    /** list, table or hidden */
    public static final String LEGEND = "legend";
    /** none, normal or percent */
    public static final String STACKING = "stacking";
    /** line, bars or points */
    public static final String DRAW_STYLE = "drawStyle";
    /** 0..100 */
    public static final String FILL_OPACITY = "fillOpacity";
    /** Grafana reducer for stat/gauge: lastNotNull, mean, max, min, sum, ... */
    public static final String REDUCE = "reduce";
    /** area (sparkline) or none */
    public static final String GRAPH_MODE = "graphMode";
    /** horizontal or vertical */
    public static final String ORIENTATION = "orientation";

    private PanelOptions() {
    }
}
