package io.vigia.datasources.api;

import java.util.List;

/** A successful query's result with the annotations Prometheus attaches to it. */
public record QueryResponse(QueryResult result, List<String> warnings, List<String> infos) {
    public QueryResponse {
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }

    public static QueryResponse of(QueryResult result) {
        return new QueryResponse(result, List.of(), List.of());
    }
}
