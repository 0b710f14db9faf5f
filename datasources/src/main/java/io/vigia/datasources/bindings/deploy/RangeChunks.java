package io.vigia.datasources.bindings.deploy;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A range query at a fine step over a long range, as several queries that each stay under
 * Prometheus's 11,000 points a series, joined back into one matrix.
 */
final class RangeChunks {
    /** Below Prometheus's limit of 11,000 points per series, with room for the inclusive end. */
    static final int MAX_STEPS = 10_000;

    private RangeChunks() {
    }

    static QueryResult.Matrix query(MetricsSource source, String expr, Instant from, Instant to, Duration step) {
        long stepMs = step.toMillis();
        long start = from.toEpochMilli() - Math.floorMod(from.toEpochMilli(), stepMs);
        long end = to.toEpochMilli();
        Map<Labels, List<QueryResult.RangeSeries>> parts = new LinkedHashMap<>();
        for (long chunk = start; chunk <= end; chunk += MAX_STEPS * stepMs) {
            long chunkEnd = Math.min(end, chunk + (MAX_STEPS - 1) * stepMs);
            QueryResult r = source.queryRange(expr, Instant.ofEpochMilli(chunk), Instant.ofEpochMilli(chunkEnd), step).result();
            if (r instanceof QueryResult.Matrix m) {
                for (QueryResult.RangeSeries s : m.series()) {
                    parts.computeIfAbsent(s.labels(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        List<QueryResult.RangeSeries> out = new ArrayList<>();
        parts.forEach((labels, list) -> out.add(join(labels, list)));
        return new QueryResult.Matrix(out);
    }

    private static QueryResult.RangeSeries join(Labels labels, List<QueryResult.RangeSeries> list) {
        if (list.size() == 1) {
            return list.getFirst();
        }
        int n = list.stream().mapToInt(QueryResult.RangeSeries::size).sum();
        long[] ts = new long[n];
        double[] vs = new double[n];
        int at = 0;
        for (QueryResult.RangeSeries s : list) {
            System.arraycopy(s.timestamps(), 0, ts, at, s.size());
            System.arraycopy(s.values(), 0, vs, at, s.size());
            at += s.size();
        }
        return new QueryResult.RangeSeries(labels, Arrays.copyOf(ts, at), Arrays.copyOf(vs, at));
    }
}
