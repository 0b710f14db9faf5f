package io.vigia.dashboards.model;

import java.util.Objects;

/**
 * One query of a panel. {@code dataSource} is a data source name, a variable reference such as
 * {@code $datasource}, or empty for the dashboard's default source. {@code minInterval} is the
 * lower bound of the step (Grafana's "min interval", e.g. {@code 1m}); empty for the source's own.
 */
public record Query(String refId, String dataSource, QueryLanguage language, String expr, String legendFormat,
                    boolean instant, boolean hidden, String minInterval) {
    public Query {
        Objects.requireNonNull(refId);
        dataSource = Objects.requireNonNullElse(dataSource, "");
        Objects.requireNonNull(language);
        expr = Objects.requireNonNullElse(expr, "");
        legendFormat = Objects.requireNonNullElse(legendFormat, "");
        minInterval = Objects.requireNonNullElse(minInterval, "");
    }

    public static Query promql(String refId, String expr, String legendFormat) {
        return new Query(refId, "", QueryLanguage.PROMQL, expr, legendFormat, false, false, "");
    }

    /** This query evaluated once, at the end of the range. */
    public Query asInstant() {
        return new Query(refId, dataSource, language, expr, legendFormat, true, hidden, minInterval);
    }

    public Query withExpr(String newExpr) {
        return new Query(refId, dataSource, language, newExpr, legendFormat, instant, hidden, minInterval);
    }
}
