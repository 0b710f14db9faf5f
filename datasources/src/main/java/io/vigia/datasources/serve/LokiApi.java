package io.vigia.datasources.serve;

import com.sun.net.httpserver.HttpExchange;
import io.vigia.datasources.api.PrometheusJson;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.logs.LogEntry;
import io.vigia.datasources.logs.LogQueryResult;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.persistence.series.Labels;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Loki's {@code /loki/api/v1/query_range} for log queries over the workspace's guardrail events
 * ({@link io.vigia.datasources.logs.GuardrailEventLogs}, the LogQL subset of
 * {@link io.vigia.datasources.logs.EmbeddedLogQuery}): Loki's parameters ({@code query},
 * {@code start}, {@code end}, {@code limit}, {@code direction}), its {@code streams} result shape
 * (nanosecond timestamps as strings) and its plain-text errors (pkg/util/server/error.go).
 */
final class LokiApi {
    /** Loki's defaults: the last hour, 100 lines, newest first. */
    static final long DEFAULT_SINCE_MS = 3_600_000;
    static final int DEFAULT_LIMIT = 100;

    private final LogsSource logs;
    private final LongSupplier clock;

    LokiApi(LogsSource logs, LongSupplier clock) {
        this.logs = logs;
        this.clock = clock;
    }

    /** Loki answers errors as text/plain with the bare message. */
    static void error(HttpExchange ex, QueryException e) throws IOException {
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        HttpReply.text(ex, "bad_data".equals(e.errorType()) ? 400 : 500, e.getMessage());
    }

    void queryRange(HttpExchange ex, FormParams p) throws IOException {
        long end = p.get("end").isEmpty() ? clock.getAsLong() : timestamp(p.get("end"), "end");
        long start = p.get("start").isEmpty() ? end - DEFAULT_SINCE_MS : timestamp(p.get("start"), "start");
        if (end < start) {
            throw new QueryException("bad_data", "end timestamp must not be before or equal to start time");
        }
        int limit = DEFAULT_LIMIT;
        if (!p.get("limit").isEmpty()) {
            try {
                limit = Integer.parseInt(p.get("limit"));
            } catch (NumberFormatException e) {
                throw new QueryException("bad_data", "invalid limit: " + p.get("limit"));
            }
            if (limit <= 0) {
                throw new QueryException("bad_data", "limit must be a positive value");
            }
        }
        String direction = p.get("direction").isEmpty() ? "backward" : p.get("direction").toLowerCase(Locale.ROOT);
        if (!direction.equals("backward") && !direction.equals("forward")) {
            throw new QueryException("bad_data", "invalid direction '" + p.get("direction") + "'");
        }
        boolean forward = direction.equals("forward");
        // the source hands lines newest first: backward keeps the newest `limit` (Loki's default);
        // forward keeps the oldest, so it reads the whole range and keeps its tail
        LogQueryResult r = logs.queryLogs(p.get("query"), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
                forward ? 0 : limit, CancellationToken.NONE);
        List<LogEntry> kept = r.entries();
        if (forward && kept.size() > limit) {
            kept = kept.subList(kept.size() - limit, kept.size());
        }
        Map<Labels, List<LogEntry>> streams = new LinkedHashMap<>();
        for (LogEntry e : kept) {
            streams.computeIfAbsent(e.labels(), k -> new ArrayList<>()).add(e);
        }
        HttpReply.json(ex, 200, os -> PrometheusJson.writeSuccess(os, r.warnings(), g -> {
            g.writeStartObject();
            g.writeStringProperty("resultType", "streams");
            g.writeName("result");
            g.writeStartArray();
            for (Map.Entry<Labels, List<LogEntry>> s : streams.entrySet()) {
                List<LogEntry> entries = forward ? s.getValue().reversed() : s.getValue();
                g.writeStartObject();
                g.writeName("stream");
                PrometheusJson.labelSet(g, s.getKey());
                g.writeName("values");
                g.writeStartArray();
                for (LogEntry e : entries) {
                    g.writeStartArray();
                    g.writeString(Long.toString(Math.multiplyExact(e.timestampMillis(), 1_000_000L)));
                    g.writeString(e.line());
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /**
     * Loki's parseTimestamp: a number with a dot is Unix seconds; an integer of up to ten digits
     * is seconds, a longer one nanoseconds; anything else RFC 3339.
     */
    static long timestamp(String value, String name) {
        try {
            if (value.contains(".")) {
                return ApiParams.parseTime(value);
            }
            long n = Long.parseLong(value);
            return value.length() <= 10 ? Math.multiplyExact(n, 1000L) : n / 1_000_000L;
        } catch (NumberFormatException | ArithmeticException e) {
            try {
                return ApiParams.parseTime(value);
            } catch (IllegalArgumentException bad) {
                throw new QueryException("bad_data", "invalid " + name + " parameter: " + bad.getMessage());
            }
        }
    }
}
