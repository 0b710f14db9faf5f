package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.time.PromDuration;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.remote.GrafanaResolution;
import io.vigia.datasources.remote.CancellationToken;
import io.vigia.datasources.logs.LogEntry;
import io.vigia.datasources.logs.LogQueryResult;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.dashboards.model.PanelType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One panel refresh, without any UI: the panel's width in pixels chooses the step as Grafana does
 * ({@link GrafanaResolution}), the panel's time shift moves the range back, variables and macros
 * are expanded ({@link QueryExpander}), every visible PromQL query runs on its source (the local
 * engine or a remote server, both {@link MetricsSource}), and the results become chart series
 * named by the legend format. Blocking: called from a background task.
 */
public final class PanelDataLoader {
    /** Lines a logs panel asks for, as Grafana's default "max lines". */
    public static final int LOG_LIMIT = 1000;
    private final Function<String, MetricsSource> sources;
    private final Function<String, LogsSource> logSources;
    private final Duration minInterval;

    /**
     * @param sources     the source for a query's data-source name ("" is the dashboard's default)
     * @param minInterval the sources' scrape interval, the lower bound of the step
     */
    public PanelDataLoader(Function<String, MetricsSource> sources, Duration minInterval) {
        this(sources, name -> {
            throw new IllegalArgumentException("no LogQL source here");
        }, minInterval);
    }

    /** @param logSources the LogQL source for a query's data-source name ("" is the default for logs) */
    public PanelDataLoader(Function<String, MetricsSource> sources, Function<String, LogsSource> logSources, Duration minInterval) {
        this.sources = sources;
        this.logSources = logSources;
        this.minInterval = minInterval;
    }

    public PanelData load(Dashboard d, Panel p, TimeRange range, int widthPx,
                          Map<String, List<String>> values, Map<String, List<String>> allValues) {
        if (p.type() == PanelType.LOGS) {
            return loadLogs(d, p, range, widthPx, values, allValues);
        }
        Duration shift = p.timeShift().isBlank() ? Duration.ZERO : PromDuration.parse(p.timeShift());
        TimeRange shifted = range.shiftedBack(shift);
        GrafanaResolution res = GrafanaResolution.compute(shifted.from(), shifted.to(), Math.max(1, widthPx), sourceMinInterval(p));
        if (DriftPanel.isDrift(p)) {
            return loadDrift(d, p, shifted, res, values, allValues);
        }
        List<TimeSeriesData> series = new ArrayList<>();
        List<String> refIds = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        java.time.Instant stale = null;
        for (Query q : p.queries()) {
            if (q.hidden() || q.expr().isBlank()) {
                continue;
            }
            if (q.language() != QueryLanguage.PROMQL) {
                errors.add(q.refId() + ": LogQL log queries are shown by logs panels (Edit… → type Logs), not charts");
                continue;
            }
            Duration step = res.step();
            Duration min = queryMinInterval(q);
            if (min != null && min.compareTo(step) > 0) {
                step = min;
            }
            String expr = QueryExpander.expand(q.expr(), d.variables(), values, allValues, res);
            try {
                MetricsSource source = sources.apply(q.dataSource());
                QueryResponse r = q.instant()
                        ? source.query(expr, shifted.to())
                        : source.queryRange(expr, res.start(), res.end(), step);
                if (r.staleSince() != null && (stale == null || r.staleSince().isBefore(stale))) {
                    stale = r.staleSince();
                }
                notices.addAll(r.warnings());
                notices.addAll(r.infos());
                addSeries(series, r.result(), q.legendFormat(), shift.toMillis());
                while (refIds.size() < series.size()) {
                    refIds.add(q.refId());
                }
            } catch (QueryException e) {
                errors.add(q.refId() + ": " + e.getMessage());
            }
        }
        return new PanelData(series, refIds, res.step(), notices, errors, stale);
    }

    private PanelData loadDrift(Dashboard d, Panel p, TimeRange range, GrafanaResolution res,
                                Map<String, List<String>> values, Map<String, List<String>> allValues) {
        for (Query q : p.queries()) {
            if (q.hidden() || q.expr().isBlank() || q.language() != QueryLanguage.PROMQL) {
                continue;
            }
            String expr = QueryExpander.expand(q.expr(), d.variables(), values, allValues, res);
            try {
                return DriftPanel.load(p, sources.apply(q.dataSource()), q.refId(), expr, range, res.step());
            } catch (QueryException e) {
                return new PanelData(List.of(), List.of(), res.step(), List.of(), List.of(q.refId() + ": " + e.getMessage()));
            }
        }
        return new PanelData(List.of(), List.of(), res.step(), List.of(),
                List.of("A drift panel needs a PromQL query selecting a histogram's bucket series"));
    }

    /**
     * A logs panel: every visible LogQL query on its source (a Loki server or the workspace's own
     * log subset), at most {@value #LOG_LIMIT} lines each, merged newest first.
     */
    private PanelData loadLogs(Dashboard d, Panel p, TimeRange range, int widthPx,
                               Map<String, List<String>> values, Map<String, List<String>> allValues) {
        Duration shift = p.timeShift().isBlank() ? Duration.ZERO : PromDuration.parse(p.timeShift());
        TimeRange shifted = range.shiftedBack(shift);
        GrafanaResolution res = GrafanaResolution.compute(shifted.from(), shifted.to(), Math.max(1, widthPx), minInterval);
        List<LogEntry> entries = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Query q : p.queries()) {
            if (q.hidden() || q.expr().isBlank()) {
                continue;
            }
            if (q.language() != QueryLanguage.LOGQL) {
                errors.add(q.refId() + ": a logs panel shows LogQL log queries; this one is PromQL");
                continue;
            }
            String expr = QueryExpander.expand(q.expr(), d.variables(), values, allValues, res);
            try {
                LogQueryResult r = logSources.apply(q.dataSource()).queryLogs(expr, shifted.from(), shifted.to(), LOG_LIMIT,
                        CancellationToken.NONE);
                notices.addAll(r.warnings());
                entries.addAll(r.entries());
                if (r.entries().size() >= LOG_LIMIT) {
                    notices.add(q.refId() + ": showing the newest " + LOG_LIMIT + " lines; narrow the time range or the query for older ones");
                }
            } catch (QueryException | IllegalArgumentException e) {
                errors.add(q.refId() + ": " + e.getMessage());
            }
        }
        entries.sort(java.util.Comparator.comparingLong(LogEntry::timestampMillis).reversed());
        if (!shift.isZero()) {
            long ms = shift.toMillis();
            entries.replaceAll(e -> new LogEntry(e.timestampMillis() + ms, e.labels(), e.line()));
        }
        return PanelData.ofLogs(LogLines.of(entries), notices, errors);
    }

    /**
     * The scrape interval of the source of the panel's first query, when the source says (a remote
     * server's setting), else the default given at construction.
     */
    private Duration sourceMinInterval(Panel p) {
        for (Query q : p.queries()) {
            if (!q.hidden() && !q.expr().isBlank() && q.language() == QueryLanguage.PROMQL) {
                try {
                    return sources.apply(q.dataSource()).minInterval().orElse(minInterval);
                } catch (RuntimeException e) {
                    return minInterval; // the query itself will report the problem
                }
            }
        }
        return minInterval;
    }

    /** A query's own min interval (Grafana's "Min step", e.g. {@code 1m} or {@code >1m}); null when unset or unreadable. */
    private static Duration queryMinInterval(Query q) {
        String text = q.minInterval().strip().replaceFirst("^>", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return PromDuration.parse(text);
        } catch (IllegalArgumentException e) {
            return null; // a variable or an expression Vigia does not evaluate: the panel's step applies
        }
    }

    private static void addSeries(List<TimeSeriesData> out, QueryResult result, String legend, long shiftMs) {
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
