package io.vigia.dashboards.model;

import java.util.Map;
import java.util.Objects;

/**
 * A panel's display options, typed, one record per kind of panel, each with its defaults. A null
 * field leaves Grafana's own default (and is not written on export). Grafana's JSON is read and
 * written in one place, {@code grafana.GrafanaPanelOptions}. {@code sources} says which data can
 * feed the panel and is tried in which order ({@link PanelSources}).
 */
public record PanelOptions(Graph graph, Stat stat, Bars bars, Table table, Drift drift, PanelSources sources) {
    public static final PanelOptions DEFAULTS = new PanelOptions(Graph.DEFAULTS, Stat.DEFAULTS, Bars.DEFAULTS, Table.DEFAULTS,
            Drift.NONE, PanelSources.NONE);

    public PanelOptions {
        graph = Objects.requireNonNullElse(graph, Graph.DEFAULTS);
        stat = Objects.requireNonNullElse(stat, Stat.DEFAULTS);
        bars = Objects.requireNonNullElse(bars, Bars.DEFAULTS);
        table = Objects.requireNonNullElse(table, Table.DEFAULTS);
        drift = Objects.requireNonNullElse(drift, Drift.NONE);
        sources = Objects.requireNonNullElse(sources, PanelSources.NONE);
    }

    public PanelOptions withGraph(Graph g) {
        return new PanelOptions(g, stat, bars, table, drift, sources);
    }

    public PanelOptions withStat(Stat s) {
        return new PanelOptions(graph, s, bars, table, drift, sources);
    }

    public PanelOptions withBars(Bars b) {
        return new PanelOptions(graph, stat, b, table, drift, sources);
    }

    public PanelOptions withTable(Table t) {
        return new PanelOptions(graph, stat, bars, t, drift, sources);
    }

    public PanelOptions withDrift(Drift d) {
        return new PanelOptions(graph, stat, bars, table, d, sources);
    }

    public PanelOptions withSources(PanelSources s) {
        return new PanelOptions(graph, stat, bars, table, drift, s);
    }

    /** Grafana's legend modes. */
    public enum Legend { LIST, TABLE, HIDDEN }

    /** Grafana's {@code custom.stacking.mode}. */
    public enum Stacking { NONE, NORMAL, PERCENT }

    /** Grafana's {@code custom.drawStyle}. */
    public enum DrawStyle { LINE, BARS, POINTS }

    /** A stat's sparkline: Grafana's {@code graphMode}. */
    public enum GraphMode { AREA, NONE }

    /** Grafana's {@code orientation} (auto is unset). */
    public enum Orientation { HORIZONTAL, VERTICAL }

    /**
     * Series drawn over time (time series, the legend of bar charts).
     *
     * @param seasonalBand whether a time series panel draws each series' usual band behind it (the
     *                     same time in the weeks before, {@code findings.SeasonalBand}); Vigia's own
     */
    public record Graph(Legend legend, Stacking stacking, DrawStyle drawStyle, Integer fillOpacity, boolean seasonalBand) {
        public static final Graph DEFAULTS = new Graph(null, null, null, null, false);

        /** Grafana's options alone, without a band. */
        public Graph(Legend legend, Stacking stacking, DrawStyle drawStyle, Integer fillOpacity) {
            this(legend, stacking, drawStyle, fillOpacity, false);
        }

        public boolean stacked() {
            return stacking == Stacking.NORMAL || stacking == Stacking.PERCENT;
        }

        public Graph withStacking(Stacking s) {
            return new Graph(legend, s, drawStyle, fillOpacity, seasonalBand);
        }

        public Graph withSeasonalBand(boolean on) {
            return new Graph(legend, stacking, drawStyle, fillOpacity, on);
        }
    }

    /**
     * Stat and gauge tiles, and the report's KPIs made from them.
     *
     * @param reducer   Grafana's reducer id ({@code lastNotNull}, {@code mean}, ...); null for lastNotNull
     * @param direction whether higher is better, worse, or neither (not coloured)
     */
    public record Stat(String reducer, GraphMode graphMode, KpiDirection direction) {
        public static final Stat DEFAULTS = new Stat(null, null, KpiDirection.NEUTRAL);
        /**
         * A stat's query with this refId, when above 0, says that the range or the period before holds
         * a re-baseline (a scope's history changing source): no change is shown across it.
         */
        public static final String REBASELINE_REF = "R";
        public static final String REBASELINE_NOTE = "re-baseline: no change shown";

        public Stat {
            direction = Objects.requireNonNullElse(direction, KpiDirection.NEUTRAL);
        }

        public String reducerOrDefault() {
            return reducer == null ? "lastNotNull" : reducer;
        }

        public Stat withDirection(KpiDirection d) {
            return new Stat(reducer, graphMode, d);
        }

        public static Stat of(KpiDirection direction) {
            return new Stat(null, null, direction);
        }
    }

    /** Bar charts: orientation, and series names by refId (e.g. A = this week, B = the week before). */
    public record Bars(Orientation orientation, Map<String, String> seriesNames) {
        public static final Bars DEFAULTS = new Bars(null, Map.of());

        public Bars {
            seriesNames = Map.copyOf(Objects.requireNonNullElse(seriesNames, Map.of()));
        }
    }

    /** Tables: a column with the OWASP LLM Top 10 id of each category. */
    public record Table(boolean owaspColumn) {
        public static final Table DEFAULTS = new Table(false);
    }

    /**
     * Drift panels (see {@code query.DriftPanel}).
     *
     * @param by       the label whose values are scored separately
     * @param window   for a score: the trailing window (a Prometheus duration)
     * @param baseline for a score: how far back the baseline window is
     */
    public record Drift(Mode mode, String by, String window, String baseline) {
        public static final Drift NONE = new Drift(Mode.NONE, null, null, null);

        public enum Mode { NONE, STATUS, SCORE }

        public Drift {
            mode = Objects.requireNonNullElse(mode, Mode.NONE);
            by = Objects.requireNonNullElse(by, "feature");
            window = Objects.requireNonNullElse(window, "1d");
            baseline = Objects.requireNonNullElse(baseline, "1w");
        }

        public static Drift of(Mode mode) {
            return new Drift(mode, null, null, null);
        }

        public boolean active() {
            return mode != Mode.NONE;
        }
    }
}
