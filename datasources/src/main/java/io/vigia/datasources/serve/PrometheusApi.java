package io.vigia.datasources.serve;

import com.sun.net.httpserver.HttpExchange;
import io.vigia.datasources.api.PrometheusJson;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.api.QueryStats;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.promql.parser.ParseException;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.persistence.series.Labels;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The read-only part of Prometheus's HTTP API (web/api/v1) over the workspace: each method answers
 * one endpoint with Prometheus's parameters, limits, warnings and error messages.
 */
final class PrometheusApi {
    static final String TRUNCATED = "results truncated due to limit";

    private final QueryRunner runner;
    private final LocalPromqlSource source;
    private final long maxTimeoutMs;
    private final String version;
    private final LongSupplier clock;

    PrometheusApi(QueryRunner runner, LocalPromqlSource source, long maxTimeoutMs, String version, LongSupplier clock) {
        this.runner = runner;
        this.source = source;
        this.maxTimeoutMs = maxTimeoutMs;
        this.version = version;
        this.clock = clock;
    }

    void query(HttpExchange ex, FormParams p) throws IOException {
        int limit = ApiParams.limit(p);
        long time = ApiParams.time(p, "time", clock.getAsLong());
        long timeout = timeout(p);
        QueryRunner.Outcome o = runner.instant(p.get("query"), time, timeout);
        respond(ex, p, o, limit);
    }

    void queryRange(HttpExchange ex, FormParams p) throws IOException {
        int limit = ApiParams.limit(p);
        long start = ApiParams.requiredTime(p, "start");
        long end = ApiParams.requiredTime(p, "end");
        if (end < start) {
            throw ApiParams.invalid("end", "end timestamp must not be before start time");
        }
        long step = ApiParams.duration(p, "step");
        if (step <= 0) {
            throw ApiParams.invalid("step", "zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        if ((end - start) / step > 11_000) {
            throw new QueryException("bad_data", "exceeded maximum resolution of 11,000 points per timeseries. "
                    + "Try decreasing the query resolution (?step=XX)");
        }
        long timeout = timeout(p);
        QueryRunner.Outcome o = runner.range(p.get("query"), start, end, step, timeout);
        respond(ex, p, o, limit);
    }

    void series(HttpExchange ex, FormParams p) throws IOException {
        List<String> match = p.all("match[]");
        if (match.isEmpty()) {
            throw new QueryException("bad_data", "no match[] parameter provided");
        }
        int limit = ApiParams.limit(p);
        Instant start = ApiParams.instantOrNull(ApiParams.time(p, "start", ApiParams.MIN_TIME_MS), ApiParams.MIN_TIME_MS);
        Instant end = ApiParams.instantOrNull(ApiParams.time(p, "end", ApiParams.MAX_TIME_MS), ApiParams.MAX_TIME_MS);
        try {
            checkMatchers(match);
        } catch (QueryException e) {
            throw ApiParams.invalid("match[]", e.getMessage());
        }
        List<Labels> series = source.series(match, start, end);
        List<String> warnings = new ArrayList<>();
        if (limit > 0 && series.size() > limit) {
            series = series.subList(0, limit);
            warnings.add(TRUNCATED);
        }
        List<Labels> out = series;
        HttpReply.json(ex, 200, os -> PrometheusJson.writeSeries(out, warnings, os));
    }

    void labelNames(HttpExchange ex, FormParams p) throws IOException {
        int limit = ApiParams.limit(p);
        Instant start = ApiParams.instantOrNull(ApiParams.time(p, "start", ApiParams.MIN_TIME_MS), ApiParams.MIN_TIME_MS);
        Instant end = ApiParams.instantOrNull(ApiParams.time(p, "end", ApiParams.MAX_TIME_MS), ApiParams.MAX_TIME_MS);
        List<String> match = p.all("match[]");
        checkMatchers(match);
        strings(ex, source.labelNames(match, start, end), limit);
    }

    void labelValues(HttpExchange ex, FormParams p, String name) throws IOException {
        if (name.isEmpty()) {
            throw new QueryException("bad_data", "invalid label name: \"\"");
        }
        int limit = ApiParams.limit(p);
        Instant start = ApiParams.instantOrNull(ApiParams.time(p, "start", ApiParams.MIN_TIME_MS), ApiParams.MIN_TIME_MS);
        Instant end = ApiParams.instantOrNull(ApiParams.time(p, "end", ApiParams.MAX_TIME_MS), ApiParams.MAX_TIME_MS);
        List<String> match = p.all("match[]");
        checkMatchers(match);
        strings(ex, source.labelValues(name, match, start, end), limit);
    }

    /**
     * Prometheus takes metadata from the targets it scrapes; a workspace keeps none (imports and
     * scrapes store samples only), so the answer is an empty map, as from a Prometheus that scrapes
     * nothing.
     */
    void metadata(HttpExchange ex, FormParams p) throws IOException {
        if (!p.get("limit").isEmpty()) {
            try {
                Integer.parseInt(p.get("limit"));
            } catch (NumberFormatException e) {
                throw new QueryException("bad_data", "limit must be a number");
            }
        }
        HttpReply.json(ex, 200, os -> PrometheusJson.writeSuccess(os, List.of(), g -> {
            g.writeStartObject();
            g.writeEndObject();
        }));
    }

    void buildInfo(HttpExchange ex) throws IOException {
        // the fields of Prometheus's PrometheusVersion; a Java program has no Go version or branch to give
        HttpReply.json(ex, 200, os -> PrometheusJson.writeSuccess(os, List.of(), g -> {
            g.writeStartObject();
            g.writeStringProperty("version", version);
            g.writeStringProperty("revision", "");
            g.writeStringProperty("branch", "");
            g.writeStringProperty("buildUser", "");
            g.writeStringProperty("buildDate", "");
            g.writeStringProperty("goVersion", "");
            g.writeEndObject();
        }));
    }

    private void strings(HttpExchange ex, List<String> values, int limit) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<String> out = values;
        if (limit > 0 && values.size() > limit) {
            out = values.subList(0, limit);
            warnings.add(TRUNCATED);
        }
        List<String> shown = out;
        HttpReply.json(ex, 200, os -> PrometheusJson.writeStrings(shown, warnings, os));
    }

    private void respond(HttpExchange ex, FormParams p, QueryRunner.Outcome o, int limit) throws IOException {
        QueryResponse r = o.response();
        List<String> warnings = new ArrayList<>(r.warnings());
        if (limit > 0) {
            QueryResult truncated = truncate(r.result(), limit);
            if (truncated != r.result()) {
                warnings.add(TRUNCATED);
                r = new QueryResponse(truncated, r.warnings(), r.infos());
            }
        }
        String stats = p.get("stats");
        if (!stats.isEmpty() && !stats.equals("true") && !stats.equals("all")) {
            warnings.add("value \"" + stats + "\" for parameter \"stats\" is deprecated and will be rejected in the "
                    + "next major release, use \"true\" or \"all\"");
        }
        QueryStats shownStats = stats.isEmpty() ? null : o.stats();
        QueryResponse answer = new QueryResponse(r.result(), warnings, r.infos());
        HttpReply.json(ex, 200, os -> PrometheusJson.write(answer, shownStats, os));
    }

    /** Prometheus's truncateResults: the first {@code limit} series of a vector or matrix. */
    static QueryResult truncate(QueryResult result, int limit) {
        return switch (result) {
            case QueryResult.Matrix m when m.series().size() > limit -> new QueryResult.Matrix(m.series().subList(0, limit));
            case QueryResult.Vector v when v.size() > limit -> new QueryResult.Vector(Arrays.copyOf(v.labels(), limit),
                    Arrays.copyOf(v.timestamps(), limit), Arrays.copyOf(v.values(), limit));
            default -> result;
        };
    }

    /** The request's deadline: its {@code timeout} parameter, never longer than the server's. */
    private long timeout(FormParams p) {
        if (p.get("timeout").isEmpty()) {
            return maxTimeoutMs;
        }
        return Math.min(maxTimeoutMs, Math.max(1, ApiParams.duration(p, "timeout")));
    }

    /**
     * Prometheus's parseMatchersParam: every selector must parse; the parser also refuses one whose
     * matchers all match the empty string, with Prometheus's words.
     */
    private static void checkMatchers(List<String> selectors) {
        for (String s : selectors) {
            try {
                Parser.parseMatchers(s);
            } catch (ParseException e) {
                throw new QueryException("bad_data", e.getMessage(), e);
            }
        }
    }
}
