package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Query;

import java.time.Duration;

/**
 * A panel query as it will be sent: variables and Grafana's macros replaced, the step chosen.
 * {@link QueryPreparation} makes it from the panel's {@link Query}; {@link QueryPath} runs it.
 *
 * @param query the panel's query as saved (refId, data source, language, legend format, instant)
 * @param expr  the text to send
 * @param step  the range query's step (unused by instant queries)
 */
public record PreparedQuery(Query query, String expr, Duration step) {
    public String refId() {
        return query.refId();
    }

    public String dataSource() {
        return query.dataSource();
    }
}
