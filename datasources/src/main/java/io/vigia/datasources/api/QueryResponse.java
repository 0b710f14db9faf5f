package io.vigia.datasources.api;

import java.time.Instant;
import java.util.List;

/**
 * A successful query's result with the annotations Prometheus attaches to it.
 *
 * @param staleSince null for data just fetched (or settled data from the cache); otherwise the
 *                   time the data was fetched, because it stands in for an answer the source did
 *                   not give (opening a dashboard, the server unreachable)
 */
public record QueryResponse(QueryResult result, List<String> warnings, List<String> infos, Instant staleSince) {
    public QueryResponse {
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }

    public QueryResponse(QueryResult result, List<String> warnings, List<String> infos) {
        this(result, warnings, infos, null);
    }

    public static QueryResponse of(QueryResult result) {
        return new QueryResponse(result, List.of(), List.of());
    }

    public boolean isStale() {
        return staleSince != null;
    }
}
