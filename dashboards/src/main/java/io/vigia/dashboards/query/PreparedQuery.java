package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Query;

import java.time.Duration;

/**
 * A panel query as it will be sent: variables and Grafana's macros replaced, the step chosen.
 * {@link QueryPreparation} makes it from the panel's {@link Query}; {@link QueryPath} runs it.
 *
 * @param query      the panel's query as saved (refId, data source, language, legend format, instant)
 * @param expr       the text to send
 * @param step       the range query's step (unused by instant queries)
 * @param dataSource the source to run it on, a data-source variable resolved to its choice ("" for the default)
 */
public record PreparedQuery(Query query, String expr, Duration step, String dataSource) {
    /** On the query's own data source, as saved. */
    public PreparedQuery(Query query, String expr, Duration step) {
        this(query, expr, step, query.dataSource());
    }

    public String refId() {
        return query.refId();
    }
}
