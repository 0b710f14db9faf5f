package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.grafana.GrafanaResolution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a query becomes chart series, shared by dashboards ({@link PanelDataLoader}),
 * reports and Explore, so that they agree by construction. One object per refresh: it runs
 * queries on their source and keeps what came with the answers (the sources' warnings and infos,
 * and the oldest cache fetch time when an answer came from the cache).
 */
public final class QueryPath {
    private final List<String> notices = new ArrayList<>();
    private Instant staleSince;

    /**
     * The step and aligned bounds for a panel {@code widthPx} wide, as Grafana chooses them: never
     * below the source's scrape interval when it says one, else {@code fallback}.
     */
    public static GrafanaResolution resolution(TimeRange range, int widthPx, MetricsSource source, Duration fallback) {
        return GrafanaResolution.compute(range.from(), range.to(), Math.max(1, widthPx), source.minInterval().orElse(fallback));
    }

    /** A range query from {@code start} to {@code end} at the prepared step. */
    public QueryResult range(MetricsSource source, PreparedQuery q, Instant start, Instant end) {
        return kept(source.queryRange(q.expr(), start, end, q.step()));
    }

    /** An instant query at {@code at}. */
    public QueryResult instant(MetricsSource source, PreparedQuery q, Instant at) {
        return kept(source.query(q.expr(), at));
    }

    /** A range query of raw text (drift panels build their own bucket queries). */
    public QueryResult range(MetricsSource source, String expr, Instant start, Instant end, Duration step) {
        return kept(source.queryRange(expr, start, end, step));
    }

    /** An instant query of raw text. */
    public QueryResult instant(MetricsSource source, String expr, Instant at) {
        return kept(source.query(expr, at));
    }

    private QueryResult kept(QueryResponse r) {
        notices.addAll(r.warnings());
        notices.addAll(r.infos());
        if (r.staleSince() != null && (staleSince == null || r.staleSince().isBefore(staleSince))) {
            staleSince = r.staleSince();
        }
        return r.result();
    }

    /** A notice of Vigia's own about this load (beside the source's warnings and infos). */
    public void note(String notice) {
        notices.add(notice);
    }

    public List<String> notices() {
        return notices;
    }

    /** The oldest cache fetch time among the answers; null when all were fresh. */
    public Instant staleSince() {
        return staleSince;
    }

    /**
     * A query result as chart series named by the legend format, moved forward by {@code shiftMs}
     * (a panel's time shift is undone so the series lie on the range shown). A vector or scalar
     * becomes one point per series; a string has nothing to draw.
     */
    public static List<TimeSeriesData> series(QueryResult result, String legend, long shiftMs) {
        List<TimeSeriesData> out = new ArrayList<>();
        switch (result) {
            case QueryResult.Matrix m -> {
                for (QueryResult.RangeSeries s : m.series()) {
                    out.add(new TimeSeriesData(LegendFormat.apply(legend, s.labels()), shifted(s.timestamps(), shiftMs), s.values()));
                }
            }
            case QueryResult.Vector v -> {
                for (int i = 0; i < v.size(); i++) {
                    out.add(new TimeSeriesData(LegendFormat.apply(legend, v.labels()[i]),
                            new long[] {v.timestamps()[i] + shiftMs}, new double[] {v.values()[i]}));
                }
            }
            case QueryResult.Scalar s -> out.add(new TimeSeriesData("scalar", new long[] {s.timestamp() + shiftMs}, new double[] {s.value()}));
            case QueryResult.StringValue s -> {
                // a string result has nothing to draw
            }
        }
        return out;
    }

    private static long[] shifted(long[] ts, long shiftMs) {
        if (shiftMs == 0) {
            return ts;
        }
        long[] out = new long[ts.length];
        for (int i = 0; i < ts.length; i++) {
            out[i] = ts[i] + shiftMs;
        }
        return out;
    }
}
