package io.vigia.dashboards.findings;

import io.vigia.dashboards.chart.data.BaselineBands;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.DataSourceVariables;
import io.vigia.dashboards.query.LegendFormat;
import io.vigia.dashboards.query.PanelRequest;
import io.vigia.dashboards.query.PreparedQuery;
import io.vigia.dashboards.query.QueryPreparation;
import io.vigia.dashboards.time.PromDuration;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.grafana.GrafanaResolution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The usual band of each series of a time series panel that asks for it
 * ({@code PanelOptions.Graph.seasonalBand}): every visible PromQL range query of the panel,
 * prepared as the panel prepares it (variables, and the macros at the panel's own resolution, so
 * that the band measures the same quantity as the line), is run once more over the weeks before
 * the range ({@link AnomalyRule#bands}) on a step that divides a week, and {@link SeasonalBand}
 * gives each series its band over the range. Where the weeks before hold too little data there is
 * no band, and the note says so rather than drawing one. Bands are kept between refreshes
 * ({@link BandCache}): one instance per open dashboard. Blocking: called from a background task.
 */
public final class PanelBaseline {
    /** More bands than this only hide the series; the note says how many were left out. */
    public static final int MAX_BANDS = 10;
    /** Steps that divide a week, finest first: the band's grid must put earlier weeks on whole steps. */
    private static final long[] STEPS_S = {15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200, 86400};

    private final Function<String, MetricsSource> sources;
    private final Duration minInterval;
    private final QueryPreparation preparation;
    private final BandSettings settings;
    private final BandCache cache = new BandCache();

    /**
     * @param sources     the source for a query's data-source name, as the panel loader has them
     * @param minInterval the sources' scrape interval when a source does not say
     * @param preparation how the panel's queries are prepared (the loader's own)
     */
    public PanelBaseline(Function<String, MetricsSource> sources, Duration minInterval, QueryPreparation preparation,
                         BandSettings settings) {
        this.sources = sources;
        this.minInterval = minInterval;
        this.preparation = preparation;
        this.settings = settings;
    }

    public PanelBaseline(Function<String, MetricsSource> sources, Duration minInterval, QueryPreparation preparation) {
        this(sources, minInterval, preparation, BandSettings.defaults());
    }

    /** Whether the panel asks for its usual band: a time series panel with the option on. */
    public static boolean wanted(Panel p) {
        return p.type() == PanelType.TIME_SERIES && p.options().graph().seasonalBand();
    }

    /**
     * The bands of the panel's series over {@code request}'s range, or a note saying why there are
     * none; {@link BaselineBands#NONE} when the panel does not ask for them.
     *
     * @param panelStep the step of the panel's own answer: the band is never finer
     */
    public BaselineBands load(Dashboard d, Panel p, PanelRequest request, Duration panelStep) {
        if (!wanted(p)) {
            return BaselineBands.NONE;
        }
        if (p.options().graph().stacked()) {
            return BaselineBands.note("No usual band on a stacked panel: its total has no band of its own");
        }
        Duration shift = p.timeShift().isBlank() ? Duration.ZERO : PromDuration.parse(p.timeShift());
        TimeRange range = request.range().shiftedBack(shift);
        Duration step = Duration.ofSeconds(stepSeconds(range, panelStep, settings));
        List<BaselineBands.SeriesBand> bands = new ArrayList<>();
        int series = 0;
        int withBand = 0;
        int ran = 0;
        boolean partial = false;
        for (Query q : p.queries()) {
            if (q.hidden() || q.instant() || q.expr().isBlank() || q.language() != QueryLanguage.PROMQL) {
                continue;
            }
            MetricsSource source;
            PreparedQuery prepared;
            try {
                GrafanaResolution own = resolution(d, q, request, range);
                prepared = preparation.prepare(q, new QueryPreparation.Context(d.variables(), request.values(),
                        request.allValues(), own));
                if (!prepared.runs()) {
                    continue;
                }
                source = sources.apply(prepared.dataSource());
                ran++;
                for (AnomalyRule.NamedBand nb : cache.bands(source, prepared.dataSource(), prepared.expr(), range, step, settings)) {
                    series++;
                    Band b = nb.band();
                    int finite = finiteMedians(b);
                    if (finite == 0) {
                        continue;
                    }
                    partial |= finite < b.size();
                    withBand++;
                    if (bands.size() < MAX_BANDS) {
                        bands.add(new BaselineBands.SeriesBand(LegendFormat.apply(prepared.query().legendFormat(), nb.labels()),
                                shifted(b.timestamps(), shift.toMillis()), b.lower(), b.median(), b.upper()));
                    }
                }
            } catch (QueryException | IllegalArgumentException e) {
                return BaselineBands.note("No usual band: " + q.refId() + ": " + (e.getMessage() == null ? e : e.getMessage()));
            }
        }
        if (ran == 0) {
            return BaselineBands.note("No usual band: the panel has no PromQL range query to compare with earlier weeks");
        }
        if (bands.isEmpty()) {
            return BaselineBands.note(series == 0 ? "No usual band: the weeks before hold no data for this query"
                    : "No usual band yet: it needs data at the same time in at least " + settings.minWeeks() + " of the "
                    + settings.weeksBack() + " weeks before");
        }
        String note = partial ? "Usual band only where " + settings.minWeeks() + " of the " + settings.weeksBack()
                + " weeks before have data" : "";
        if (withBand > MAX_BANDS) {
            note = (note.isEmpty() ? "" : note + "; ") + "usual band of the first " + MAX_BANDS + " of " + withBand + " series only";
        }
        return new BaselineBands(bands, note);
    }

    /**
     * The band's step: the finest that divides a week, is no finer than the panel's and keeps the
     * query over the weeks before within Prometheus's points per series.
     */
    static long stepSeconds(TimeRange range, Duration panelStep, BandSettings s) {
        // the cache's look ahead (at most a day) is part of the query
        long spanMs = range.length().toMillis() + s.weeksBack() * SeasonalBand.WEEK_MS + Duration.ofDays(1).toMillis();
        long floorMs = Math.max(panelStep.toMillis(), spanMs / (GrafanaResolution.MAX_POINTS_PER_SERIES - 2 * s.neighbours() - 1) + 1);
        for (long c : STEPS_S) {
            if (c * 1000 >= floorMs) {
                return c;
            }
        }
        return STEPS_S[STEPS_S.length - 1];
    }

    /** The panel's own resolution for the query's macros ($__interval, $__rate_interval), as the loader computes it. */
    private GrafanaResolution resolution(Dashboard d, Query q, PanelRequest request, TimeRange range) {
        Duration min;
        try {
            String name = DataSourceVariables.resolve(q.dataSource(), d.variables(), request.values());
            min = sources.apply(name).minInterval().orElse(minInterval);
        } catch (RuntimeException e) {
            min = minInterval;
        }
        return GrafanaResolution.compute(range.from(), range.to(), Math.max(1, request.widthPx()), min);
    }

    private static int finiteMedians(Band b) {
        int n = 0;
        for (double m : b.median()) {
            n += Double.isFinite(m) ? 1 : 0;
        }
        return n;
    }

    private static long[] shifted(long[] ts, long ms) {
        if (ms == 0) {
            return ts;
        }
        long[] out = new long[ts.length];
        for (int i = 0; i < ts.length; i++) {
            out[i] = ts[i] + ms;
        }
        return out;
    }
}
