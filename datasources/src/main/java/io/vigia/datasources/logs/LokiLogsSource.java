package io.vigia.datasources.logs;

import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.loki.Direction;
import io.vigia.datasources.loki.LogStream;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.loki.LokiResponse;
import io.vigia.datasources.loki.LokiResult;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.persistence.series.Labels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Log queries on a Loki server: one {@code query_range} in Loki's backward direction (newest
 * first, as Grafana's logs panel asks), its streams merged into one list by time. A metric query
 * is refused with a clear message: it has samples, not lines.
 */
public final class LokiLogsSource implements LogsSource {
    private final LokiClient client;

    /** @param client owned by the caller, who closes it */
    public LokiLogsSource(LokiClient client) {
        this.client = client;
    }

    @Override
    public LogQueryResult queryLogs(String logql, Instant start, Instant end, int limit, CancellationToken token) {
        LokiResponse r = client.queryRange(logql, start, end, null, limit, Direction.BACKWARD, token);
        if (!(r.result() instanceof LokiResult.Streams streams)) {
            throw new QueryException("bad_data", "this is a LogQL metric query (it returns samples): a logs panel needs a log "
                    + "query, a stream selector with optional filters such as {app=\"api\"} |= \"error\"");
        }
        // ordered by Loki's nanoseconds, which tell apart lines of the same millisecond
        List<Timed> timed = new ArrayList<>(streams.entryCount());
        for (LogStream s : streams.streams()) {
            for (int i = 0; i < s.size(); i++) {
                timed.add(new Timed(s.timestampsNanos()[i],
                        new LogEntry(s.timestampMillis(i), merged(s.labels(), s.structuredMetadata()[i]), s.lines()[i])));
            }
        }
        timed.sort(Comparator.comparingLong(Timed::nanos).reversed());
        List<LogEntry> out = timed.stream().map(Timed::entry).toList();
        return new LogQueryResult(limit > 0 && out.size() > limit ? out.subList(0, limit) : out, r.warnings());
    }

    private record Timed(long nanos, LogEntry entry) {
    }

    /** Structured metadata (e.g. a level Loki detected) counts as labels of the line. */
    private static Labels merged(Labels stream, Labels metadata) {
        if (metadata.isEmpty()) {
            return stream;
        }
        Labels.Builder b = stream.toBuilder();
        metadata.forEach(b::set);
        return b.build();
    }
}
