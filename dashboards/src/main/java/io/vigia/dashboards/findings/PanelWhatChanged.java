package io.vigia.dashboards.findings;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.DataSourceVariables;
import io.vigia.dashboards.query.PanelRequest;
import io.vigia.dashboards.query.PreparedQuery;
import io.vigia.dashboards.query.QueryPreparation;
import io.vigia.dashboards.query.Selectors;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.grafana.GrafanaResolution;
import io.vigia.datasources.promql.parser.ParseException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * "What changed here" for a region selected on a time series panel: the series selector of the
 * panel's first PromQL range query (variables expanded as the panel expands them; the first one
 * when the query reads several, e.g. the errors of an error ratio) is compared by
 * {@link WhatChanged}, label by label, over the region against a baseline just before it. The
 * baseline is the part of the shown range before the region, at least the region's length and at
 * most {@value #MAX_BASELINE_REGIONS} times it; the step gives the region about
 * {@value #STEPS_IN_REGION} steps. What cannot be compared is refused with a message that says
 * why. Blocking: called from a background task.
 */
public final class PanelWhatChanged {
    static final int STEPS_IN_REGION = 60;
    static final int MAX_BASELINE_REGIONS = 4;
    /** The block bootstrap needs a few steps on each side. */
    static final int MIN_STEPS = 6;

    /** The comparison asked for, and its rows ranked (significant first, by the size of the change). */
    public record Answer(String selector, boolean firstOfSeveral, TimeRange region, TimeRange baseline, Duration step,
                         List<WhatChanged.Row> rows) {
        public Answer {
            rows = List.copyOf(rows);
        }

        /** How each step was read: a counter's increase or a gauge's mean. */
        public WhatChanged.Reading reading() {
            return WhatChanged.Reading.of(selector);
        }

        public long significant() {
            return rows.stream().filter(WhatChanged.Row::significant).count();
        }
    }

    private final Function<String, MetricsSource> sources;
    private final Duration minInterval;
    private final QueryPreparation preparation;

    /** As {@link PanelBaseline} has them: the loader's sources, scrape interval and query preparation. */
    public PanelWhatChanged(Function<String, MetricsSource> sources, Duration minInterval, QueryPreparation preparation) {
        this.sources = sources;
        this.minInterval = minInterval;
        this.preparation = preparation;
    }

    /**
     * @param request the panel's request (its range is the range shown; its variables are used)
     * @param region  the selected region, within the range shown
     * @throws IllegalArgumentException when there is nothing to compare, saying why
     * @throws QueryException           when the source fails
     */
    public Answer compare(Dashboard d, Panel p, PanelRequest request, TimeRange region) {
        Query q = p.queries().stream()
                .filter(x -> !x.hidden() && !x.instant() && !x.expr().isBlank() && x.language() == QueryLanguage.PROMQL)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "This panel has no PromQL range query: there is no series to compare"));
        Duration scrape = scrapeInterval(d, q, request);
        Duration step = step(region, scrape);
        if (region.length().compareTo(step.multipliedBy(MIN_STEPS)) < 0) {
            throw new IllegalArgumentException("Select a longer region: at least " + GrafanaResolution.promDuration(
                    step.multipliedBy(MIN_STEPS).toMillis()) + " (" + MIN_STEPS + " steps of " + GrafanaResolution.promDuration(
                    step.toMillis()) + ")");
        }
        GrafanaResolution res = GrafanaResolution.compute(request.range().from(), request.range().to(),
                Math.max(1, request.widthPx()), scrape);
        PreparedQuery prepared = preparation.prepare(q, new QueryPreparation.Context(d.variables(), request.values(),
                request.allValues(), res));
        if (!prepared.runs()) {
            throw new IllegalArgumentException(prepared.notRun());
        }
        Set<String> selectors;
        try {
            selectors = Selectors.of(prepared.expr());
        } catch (ParseException e) {
            throw new IllegalArgumentException("The query cannot be read: " + e.getMessage(), e);
        }
        if (selectors.isEmpty()) {
            throw new IllegalArgumentException("The query reads no series: there are no labels to compare");
        }
        String selector = selectors.iterator().next();
        TimeRange baseline = baseline(request.range(), region);
        List<WhatChanged.Row> rows = WhatChanged.load(sources.apply(prepared.dataSource()), selector, region, baseline, step);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Nothing to compare: no label of " + selector
                    + " takes two or more values with data in both the region and the time before it");
        }
        return new Answer(selector, selectors.size() > 1, region, baseline, step, rows);
    }

    /** The part of the shown range before the region, at least the region's length, at most a few times it. */
    static TimeRange baseline(TimeRange shown, TimeRange region) {
        long len = region.length().toMillis();
        long before = region.from().toEpochMilli() - shown.from().toEpochMilli();
        long take = Math.max(len, Math.min(before, MAX_BASELINE_REGIONS * len));
        return new TimeRange(region.from().minusMillis(take), region.from());
    }

    /**
     * About {@value #STEPS_IN_REGION} steps in the region, whole seconds, and never shorter than
     * two scrapes, so that each step's {@code increase} has two samples.
     */
    static Duration step(TimeRange region, Duration scrape) {
        long seconds = (long) Math.ceil(region.length().toMillis() / 1000.0 / STEPS_IN_REGION);
        return Duration.ofSeconds(Math.max(Math.max(1, seconds), 2 * Math.max(1, scrape.toSeconds())));
    }

    private Duration scrapeInterval(Dashboard d, Query q, PanelRequest request) {
        try {
            return sources.apply(DataSourceVariables.resolve(q.dataSource(), d.variables(), request.values())).minInterval()
                    .orElse(minInterval);
        } catch (RuntimeException e) {
            return minInterval; // the comparison's own query will say what is wrong with the source
        }
    }

    /** The region between two instants, in order. */
    public static TimeRange region(long aMillis, long bMillis) {
        return new TimeRange(Instant.ofEpochMilli(Math.min(aMillis, bMillis)), Instant.ofEpochMilli(Math.max(aMillis, bMillis)));
    }
}
