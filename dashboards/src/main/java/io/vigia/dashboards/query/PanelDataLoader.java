package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.time.PromDuration;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.logs.LogEntry;
import io.vigia.datasources.logs.LogQueryResult;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.grafana.GrafanaResolution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One panel refresh, without any UI, and the one query path of the app, the reports and Explore:
 * the panel's width in pixels chooses the step as Grafana does ({@link GrafanaResolution}), the
 * panel's time shift moves the range back, each visible query is prepared
 * ({@link QueryPreparation}: variables, macros) and run on its source (the local engine or a
 * remote server, both {@link MetricsSource}) through {@link QueryPath}, and the results become
 * chart series named by the legend format. A panel with several feeds ({@code PanelSources}) is
 * loaded feed by feed until one answers ({@link FeedSelection}). Blocking: called from a background task.
 */
public final class PanelDataLoader {
    /** Lines a logs panel asks for, as Grafana's default "max lines". */
    public static final int LOG_LIMIT = 1000;
    private final Function<String, MetricsSource> sources;
    private final Function<String, LogsSource> logSources;
    private final Duration minInterval;
    private final QueryPreparation preparation;

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
        this(sources, logSources, minInterval, BindingStep.contract());
    }

    /** @param preparation how a saved query becomes the text sent (the default binds templates to Vigia's own
     *                    contract, then expands variables and macros) */
    public PanelDataLoader(Function<String, MetricsSource> sources, Function<String, LogsSource> logSources, Duration minInterval,
                           QueryPreparation preparation) {
        this.sources = sources;
        this.logSources = logSources;
        this.minInterval = minInterval;
        this.preparation = preparation;
    }

    public PanelData load(Dashboard d, Panel p, TimeRange range, int widthPx,
                          Map<String, List<String>> values, Map<String, List<String>> allValues) {
        return load(d, p, PanelRequest.of(range, widthPx, values, allValues));
    }

    public PanelData load(Dashboard d, Panel p, PanelRequest request) {
        if (p.options().sources().active()) {
            MetricsSource source = sourceOf(p);
            return FeedSelection.load(p, variant -> loadQueries(d, variant, request), q -> selectors(d, q, request),
                    selector -> holds(source, selector)).answering(request.range());
        }
        return loadQueries(d, p, request);
    }

    private PanelData loadQueries(Dashboard d, Panel p, PanelRequest request) {
        Duration shift = request.shift().plus(p.timeShift().isBlank() ? Duration.ZERO : PromDuration.parse(p.timeShift()));
        TimeRange shifted = request.range().shiftedBack(shift);
        int width = Math.max(1, request.widthPx());
        PanelData data;
        if (p.type() == PanelType.LOGS) {
            GrafanaResolution res = GrafanaResolution.compute(shifted.from(), shifted.to(), width, minInterval);
            data = loadLogs(p, shifted, shift, context(d, request, res));
        } else {
            GrafanaResolution res = GrafanaResolution.compute(shifted.from(), shifted.to(), width, sourceMinInterval(d, p, request));
            QueryPreparation.Context context = context(d, request, res);
            Instant instantsAt = (request.instantsAt() == null ? request.range().to() : request.instantsAt()).minus(shift);
            data = DriftPanel.isDrift(p) ? loadDrift(p, shifted, context) : loadSeries(p, shifted, shift, instantsAt, context);
        }
        return data.answering(request.range());
    }

    private static QueryPreparation.Context context(Dashboard d, PanelRequest request, GrafanaResolution res) {
        return new QueryPreparation.Context(d.variables(), request.values(), request.allValues(), res);
    }

    private PanelData loadSeries(Panel p, TimeRange shifted, Duration shift, Instant instantsAt, QueryPreparation.Context context) {
        GrafanaResolution res = context.resolution();
        QueryPath path = new QueryPath();
        List<TimeSeriesData> series = new ArrayList<>();
        List<String> refIds = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<PanelData.Sent> sent = new ArrayList<>();
        for (Query q : p.queries()) {
            if (q.hidden() || q.expr().isBlank()) {
                continue;
            }
            if (q.language() != QueryLanguage.PROMQL) {
                errors.add(q.refId() + ": LogQL log queries are shown by logs panels (Edit… → type Logs), not charts");
                continue;
            }
            PreparedQuery prepared = withMinStep(preparation.prepare(q, context), q);
            sent.add(sent(prepared));
            if (!prepared.runs()) {
                if (prepared.notRunIsError()) {
                    errors.add(prepared.notRun());
                }
                continue;
            }
            try {
                MetricsSource source = sources.apply(prepared.dataSource());
                QueryResult r = prepared.folded(q.instant()
                        ? path.instant(source, prepared, instantsAt)
                        : path.range(source, prepared, res.start(), res.end()));
                series.addAll(QueryPath.series(r, prepared.query().legendFormat(), shift.toMillis()));
                while (refIds.size() < series.size()) {
                    refIds.add(q.refId());
                }
            } catch (QueryException e) {
                errors.add(q.refId() + ": " + e.getMessage());
            }
        }
        List<String> notices = new ArrayList<>(path.notices());
        return new PanelData(series, refIds, res.step(), notices, errors, path.staleSince()).withSent(sent);
    }

    private static PanelData.Sent sent(PreparedQuery p) {
        List<String> notes = new ArrayList<>(p.notes());
        if (!p.runs() && !p.notRunIsError()) {
            notes.add(p.notRun());
        }
        return new PanelData.Sent(p.refId(), p.expr(), notes, p.notRun());
    }

    /** The series selectors a query reads once the dashboard's variables and macros are expanded; none when it cannot be read. */
    private Set<String> selectors(Dashboard d, Query q, PanelRequest request) {
        if (q.language() != QueryLanguage.PROMQL) {
            return Set.of();
        }
        GrafanaResolution res = GrafanaResolution.compute(request.range().from(), request.range().to(),
                Math.max(1, request.widthPx()), minInterval);
        try {
            return Selectors.of(preparation.prepare(q, context(d, request, res)).expr());
        } catch (RuntimeException e) {
            return Set.of(); // the query's own error is on the panel already
        }
    }

    /** The source of the panel's first query; null when there is none. */
    private MetricsSource sourceOf(Panel p) {
        try {
            return sources.apply(p.queries().stream().map(Query::dataSource).findFirst().orElse(""));
        } catch (RuntimeException e) {
            return null; // the queries report it
        }
    }

    /** Whether the source holds any series of the selector, at any time; false when it cannot say. */
    private static boolean holds(MetricsSource source, String selector) {
        try {
            return source != null && !source.series(List.of(selector), Instant.EPOCH, ALL_TIME_END).isEmpty();
        } catch (QueryException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The end of "any time" when asking a source which series it holds. */
    private static final Instant ALL_TIME_END = Instant.parse("2200-01-01T00:00:00Z");

    /** A query's own min interval (Grafana's "Min step") raises the step when it is longer. */
    private static PreparedQuery withMinStep(PreparedQuery prepared, Query q) {
        Duration min = queryMinInterval(q);
        return min != null && prepared.runs() && min.compareTo(prepared.step()) > 0 ? prepared.withStep(min) : prepared;
    }

    private PanelData loadDrift(Panel p, TimeRange range, QueryPreparation.Context context) {
        Duration step = context.resolution().step();
        for (Query q : p.queries()) {
            if (q.hidden() || q.expr().isBlank() || q.language() != QueryLanguage.PROMQL) {
                continue;
            }
            PreparedQuery prepared = preparation.prepare(q, context);
            if (!prepared.runs()) {
                return new PanelData(List.of(), List.of(), step, List.of(), prepared.notRunIsError() ? List.of(prepared.notRun())
                        : List.of()).withSent(List.of(sent(prepared)));
            }
            try {
                return DriftPanel.load(p, sources.apply(prepared.dataSource()), q.refId(), prepared.expr(), range, step);
            } catch (QueryException e) {
                return new PanelData(List.of(), List.of(), step, List.of(), List.of(q.refId() + ": " + e.getMessage()));
            }
        }
        return new PanelData(List.of(), List.of(), step, List.of(),
                List.of("A drift panel needs a PromQL query selecting a histogram's bucket series"));
    }

    /**
     * A logs panel: every visible LogQL query on its source (a Loki server or the workspace's own
     * log subset), at most {@value #LOG_LIMIT} lines each, merged newest first.
     */
    private PanelData loadLogs(Panel p, TimeRange shifted, Duration shift, QueryPreparation.Context context) {
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
            PreparedQuery prepared = preparation.prepare(q, context);
            try {
                LogQueryResult r = logSources.apply(prepared.dataSource()).queryLogs(prepared.expr(), shifted.from(), shifted.to(),
                        LOG_LIMIT, CancellationToken.NONE);
                notices.addAll(r.warnings());
                entries.addAll(r.entries());
                if (r.entries().size() >= LOG_LIMIT) {
                    notices.add(q.refId() + ": showing the newest " + LOG_LIMIT + " lines; narrow the time range or the query for older ones");
                }
            } catch (QueryException | IllegalArgumentException e) {
                errors.add(q.refId() + ": " + e.getMessage());
            }
        }
        entries.sort(Comparator.comparingLong(LogEntry::timestampMillis).reversed());
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
    private Duration sourceMinInterval(Dashboard d, Panel p, PanelRequest request) {
        for (Query q : p.queries()) {
            if (!q.hidden() && !q.expr().isBlank() && q.language() == QueryLanguage.PROMQL) {
                try {
                    String source = DataSourceVariables.resolve(q.dataSource(), d.variables(), request.values());
                    return sources.apply(source).minInterval().orElse(minInterval);
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
}
