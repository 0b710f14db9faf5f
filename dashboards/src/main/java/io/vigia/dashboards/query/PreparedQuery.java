package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Query;
import io.vigia.datasources.api.QueryResult;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A panel query as it will be sent: bound to the source's names, variables and Grafana's macros
 * replaced, the step chosen. {@link QueryPreparation} makes it from the panel's {@link Query};
 * {@link QueryPath} runs it.
 *
 * @param query         the panel's query (refId, data source, language, instant); its legend format in the source's labels
 * @param expr          the text to send
 * @param step          the range query's step (unused by instant queries)
 * @param dataSource    the source to run it on, a data-source variable resolved to its choice ("" for the default)
 * @param notes         what the panel must say about the numbers ("mean latency: the source has no buckets")
 * @param notRun        why nothing is sent (the source lacks what the query needs); null when it runs
 * @param notRunIsError whether {@code notRun} is a failure of the panel (else a note, the query skipped on purpose)
 * @param fold          applied to the answer before it becomes series (OWASP classes); null for none
 */
public record PreparedQuery(Query query, String expr, Duration step, String dataSource, List<String> notes, String notRun,
                            boolean notRunIsError, UnaryOperator<QueryResult> fold) {
    public PreparedQuery {
        notes = List.copyOf(notes);
    }

    /** On the query's own data source, as saved. */
    public PreparedQuery(Query query, String expr, Duration step) {
        this(query, expr, step, query.dataSource());
    }

    public PreparedQuery(Query query, String expr, Duration step, String dataSource) {
        this(query, expr, step, dataSource, List.of(), null, false, null);
    }

    /** Nothing to send: {@code why} is shown on the panel, as an error or as a note. */
    public static PreparedQuery notRun(Query query, String why, boolean isError) {
        return new PreparedQuery(query, "", Duration.ZERO, query.dataSource(), List.of(), why, isError, null);
    }

    public String refId() {
        return query.refId();
    }

    public boolean runs() {
        return notRun == null;
    }

    public PreparedQuery withStep(Duration s) {
        return new PreparedQuery(query, expr, s, dataSource, notes, notRun, notRunIsError, fold);
    }

    public PreparedQuery withNotes(List<String> n, UnaryOperator<QueryResult> f) {
        return new PreparedQuery(query, expr, step, dataSource, n, notRun, notRunIsError, f);
    }

    /** The answer after the fold, when there is one. */
    public QueryResult folded(QueryResult r) {
        return fold == null ? r : fold.apply(r);
    }
}
