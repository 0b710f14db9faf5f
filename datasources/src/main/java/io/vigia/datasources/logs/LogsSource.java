package io.vigia.datasources.logs;

import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.http.CancellationToken;

import java.time.Instant;

/**
 * Where LogQL log queries run: a Loki server ({@link LokiLogsSource}) or the workspace's own
 * guardrail events ({@link GuardrailEventLogs}, a documented subset of LogQL).
 */
public interface LogsSource {
    /**
     * The lines of a log query with timestamps in {@code [start, end]}, newest first, at most
     * {@code limit}. Blocking.
     *
     * @throws QueryException for a query the source rejects or cannot run, with a message to show
     */
    LogQueryResult queryLogs(String logql, Instant start, Instant end, int limit, CancellationToken token);
}
