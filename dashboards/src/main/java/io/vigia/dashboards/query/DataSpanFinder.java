package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.grafana.GrafanaResolution;
import io.vigia.datasources.promql.QuerySelectors;
import io.vigia.datasources.promql.parser.ParseException;
import io.vigia.persistence.series.SampleSpan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * When a dashboard's data is: every visible PromQL query of its panels is prepared as the panels
 * prepare it (variables, macros), the series it reads are asked of its source
 * ({@link MetricsSource#sampleSpan}), and the answers are joined. Blocking; run in the background
 * when a range shows nothing. Log queries are not searched.
 */
public final class DataSpanFinder {
    private final Function<String, MetricsSource> sources;
    private final QueryPreparation preparation;
    private final Duration minInterval;

    /**
     * @param preparation the panels' own (a binding may rewrite a query for its source)
     */
    public DataSpanFinder(Function<String, MetricsSource> sources, QueryPreparation preparation, Duration minInterval) {
        this.sources = sources;
        this.preparation = preparation;
        this.minInterval = minInterval;
    }

    /**
     * The first and last sample time of the series the dashboard's queries read, up to
     * {@code searchEnd}; empty when none of them has any.
     *
     * @param request the variables' values and the range the queries are prepared for
     */
    public Optional<TimeRange> find(Dashboard d, PanelRequest request, Instant searchEnd) {
        GrafanaResolution res = GrafanaResolution.compute(request.range().from(), request.range().to(), 1000, minInterval);
        QueryPreparation.Context context = new QueryPreparation.Context(d.variables(), request.values(), request.allValues(), res);
        Map<String, Set<String>> bySource = new LinkedHashMap<>();
        for (Panel p : d.allPanels()) {
            for (Query q : p.queries()) {
                if (q.hidden() || q.expr().isBlank() || q.language() != QueryLanguage.PROMQL) {
                    continue;
                }
                PreparedQuery prepared = preparation.prepare(q, context);
                try {
                    bySource.computeIfAbsent(prepared.dataSource(), k -> new LinkedHashSet<>()).addAll(QuerySelectors.of(prepared.expr()));
                } catch (ParseException e) {
                    // the panel shows this query's error itself; the others still say where the data is
                }
            }
        }
        SampleSpan span = null;
        for (Map.Entry<String, Set<String>> e : bySource.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            Optional<SampleSpan> one = sources.apply(e.getKey()).sampleSpan(new ArrayList<>(e.getValue()), Instant.EPOCH, searchEnd);
            if (one.isPresent()) {
                span = span == null ? one.get() : span.union(one.get());
            }
        }
        return Optional.ofNullable(span).map(s -> new TimeRange(Instant.ofEpochMilli(s.first()), Instant.ofEpochMilli(s.last())));
    }
}
