package io.vigia.dashboards.model;

import java.util.Locale;

/**
 * The panel kinds Vigia draws. Grafana's legacy kinds map onto their successors (graph →
 * time series, singlestat → stat); anything else becomes {@link #UNSUPPORTED}, shown as a
 * labelled placeholder and kept as it was for export.
 */
public enum PanelType {
    TIME_SERIES("timeseries"),
    BAR_CHART("barchart"),
    STAT("stat"),
    GAUGE("gauge"),
    BAR_GAUGE("bargauge"),
    HEATMAP("heatmap"),
    TABLE("table"),
    LOGS("logs"),
    TEXT("text"),
    ROW("row"),
    UNSUPPORTED("");

    private final String grafanaName;

    PanelType(String grafanaName) {
        this.grafanaName = grafanaName;
    }

    public String grafanaName() {
        return grafanaName;
    }

    public static PanelType fromGrafana(String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "graph", "timeseries", "trend" -> TIME_SERIES;
            case "singlestat", "stat" -> STAT;
            case "barchart" -> BAR_CHART;
            case "gauge" -> GAUGE;
            case "bargauge" -> BAR_GAUGE;
            case "heatmap" -> HEATMAP;
            case "table", "table-old" -> TABLE;
            case "logs" -> LOGS;
            case "text" -> TEXT;
            case "row" -> ROW;
            default -> UNSUPPORTED;
        };
    }
}
