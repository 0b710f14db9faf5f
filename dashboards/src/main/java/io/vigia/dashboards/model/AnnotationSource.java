package io.vigia.dashboards.model;

import java.util.Objects;

/**
 * Where a dashboard's annotations come from: a PromQL or LogQL query (each series change or log
 * line becomes a marker), the deploy markers of a build-info metric, the manual annotations
 * saved in the workspace (Grafana's built-in "Annotations &amp; Alerts"), or the days a metric has
 * no data at all (a data-quality warning, {@code DataGaps}).
 */
public record AnnotationSource(String name, Kind kind, String dataSource, String expr, String titleFormat,
                               String textFormat, String color, boolean enabled, QueryLanguage language) {
    public enum Kind { QUERY, DEPLOYS, MANUAL, DATA_GAPS }

    public AnnotationSource {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        dataSource = Objects.requireNonNullElse(dataSource, "");
        expr = Objects.requireNonNullElse(expr, "");
        titleFormat = Objects.requireNonNullElse(titleFormat, "");
        textFormat = Objects.requireNonNullElse(textFormat, "");
        color = Objects.requireNonNullElse(color, "");
        language = Objects.requireNonNullElse(language, QueryLanguage.PROMQL);
    }

    /** A PromQL source. */
    public AnnotationSource(String name, Kind kind, String dataSource, String expr, String titleFormat,
                            String textFormat, String color, boolean enabled) {
        this(name, kind, dataSource, expr, titleFormat, textFormat, color, enabled, QueryLanguage.PROMQL);
    }

    public static AnnotationSource manual() {
        return new AnnotationSource("Annotations", Kind.MANUAL, "", "", "", "", "rgba(0, 211, 255, 1)", true);
    }
}
