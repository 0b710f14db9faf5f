package io.vigia.datasources.loki;

import io.vigia.datasources.api.QueryResult;

import java.util.List;

/** What a LogQL query returns: log streams, or samples for a metric query. */
public sealed interface LokiResult {

    record Streams(List<LogStream> streams) implements LokiResult {
        public Streams {
            streams = List.copyOf(streams);
        }

        public int entryCount() {
            return streams.stream().mapToInt(LogStream::size).sum();
        }
    }

    /** A metric query's vector, matrix or scalar, in the same types as PromQL results. */
    record Samples(QueryResult result) implements LokiResult {
    }
}
