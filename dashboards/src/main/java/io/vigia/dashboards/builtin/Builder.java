package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.PanelOptions.Drift;
import io.vigia.dashboards.model.PanelOptions.Stacking;
import io.vigia.dashboards.model.PanelOptions.Stat;
import io.vigia.dashboards.model.PanelSources;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.Thresholds;
import io.vigia.dashboards.model.Variable;
import io.vigia.dashboards.query.BoundQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays the panels of one built-in dashboard left to right in rows, as Grafana's 24-column grid,
 * gives a panel its feeds ({@link Added}: its own queries, then alternatives), and holds what the
 * built-ins share: query and option shorthands, the metric names of the telemetry contract
 * (docs/telemetry.md).
 */
final class Builder {
    static final String ACCEPTED = "vigia_copilot_suggestions_accepted_total";
    static final String SHOWN = "vigia_copilot_suggestions_shown_total";
    static final String GUARD = "vigia_guardrail_decisions_total";
    static final String FEATURE_BUCKET = "vigia_model_input_feature_bucket";

    static final PanelOptions STACKED = PanelOptions.DEFAULTS.withGraph(PanelOptions.Graph.DEFAULTS.withStacking(Stacking.NORMAL));
    static final PanelOptions OWASP = PanelOptions.DEFAULTS.withTable(new PanelOptions.Table(true));
    static final PanelOptions DRIFT_STATUS = PanelOptions.DEFAULTS.withDrift(Drift.of(Drift.Mode.STATUS));

    private final List<Panel> panels = new ArrayList<>();
    private final List<Variable> variables = new ArrayList<>();
    private int x;
    private int y;
    private int rowHeight = 4;

    void firstRowHeight(int height) {
        rowHeight = height;
    }

    void row(int height) {
        y += rowHeight;
        x = 0;
        rowHeight = height;
    }

    void variable(Variable v) {
        variables.add(v);
    }

    /** The last panel added, to say which feeds it has. */
    Added last() {
        return new Added(panels.size() - 1);
    }

    private Added add(PanelType type, String title, int w, List<Query> queries, FieldConfig fc, PanelOptions options) {
        Panel p = new Panel(panels.size() + 1, type, title, "", new GridPos(x, y, w, rowHeight), queries, fc, options,
                "", "", false, List.of(), null, null);
        panels.add(p);
        x += w;
        return last();
    }

    /** A stat tile; query B, the same over the period before, gives the delta. */
    Added stat(String title, String unit, KpiDirection direction, String expr) {
        return stat(title, unit, direction, expr, 4);
    }

    Added stat(String title, String unit, KpiDirection direction, String expr, int w) {
        return stat(title, unit, direction, statQueries(expr), w);
    }

    Added stat(String title, String unit, KpiDirection direction, List<Query> queries) {
        return stat(title, unit, direction, queries, 4);
    }

    Added stat(String title, String unit, KpiDirection direction, List<Query> queries, int w) {
        return add(PanelType.STAT, title, w, queries, FieldConfig.DEFAULT.withUnit(unit), PanelOptions.DEFAULTS.withStat(Stat.of(direction)));
    }

    Added timeSeries(String title, String unit, int w, Query... queries) {
        return timeSeries(title, unit, w, PanelOptions.DEFAULTS, queries);
    }

    Added timeSeries(String title, String unit, int w, PanelOptions options, Query... queries) {
        return timeSeries(title, unit, w, options, Thresholds.NONE, queries);
    }

    Added timeSeries(String title, String unit, int w, PanelOptions options, Thresholds thresholds, Query... queries) {
        return add(PanelType.TIME_SERIES, title, w, List.of(queries), FieldConfig.DEFAULT.withUnit(unit).withThresholds(thresholds), options);
    }

    Added bars(String title, String unit, int w, Query... queries) {
        return bars(title, unit, w, PanelOptions.DEFAULTS, queries);
    }

    Added bars(String title, String unit, int w, PanelOptions options, Query... queries) {
        return add(PanelType.BAR_CHART, title, w, List.of(queries), FieldConfig.DEFAULT.withUnit(unit), options);
    }

    Added table(String title, int w, PanelOptions options, Query... queries) {
        return add(PanelType.TABLE, title, w, List.of(queries), FieldConfig.DEFAULT.withUnit("short"), options);
    }

    Added logs(String title, int w, Query... queries) {
        return add(PanelType.LOGS, title, w, List.of(queries), FieldConfig.DEFAULT, PanelOptions.DEFAULTS);
    }

    Added heatmap(String title, int w, Query... queries) {
        return add(PanelType.HEATMAP, title, w, List.of(queries), FieldConfig.DEFAULT.withUnit("short"), PanelOptions.DEFAULTS);
    }

    Dashboard dashboard(String uid, String title, String from, List<String> tags, List<AnnotationSource> annotations) {
        return new Dashboard(uid, title, tags, from, "now", "", variables, panels, annotations);
    }

    /** Bar series named by refId: A, then B. */
    static PanelOptions seriesNames(String a, String b) {
        return PanelOptions.DEFAULTS.withBars(new PanelOptions.Bars(null, Map.of("A", a, "B", b)));
    }

    /** Bar series named by refId: A, B, then C. */
    static PanelOptions seriesNames(String a, String b, String c) {
        return PanelOptions.DEFAULTS.withBars(new PanelOptions.Bars(null, Map.of("A", a, "B", b, "C", c)));
    }

    static Thresholds thresholdLine(double value) {
        return new Thresholds(Thresholds.Mode.ABSOLUTE, List.of(new Thresholds.Step(null, "green"),
                new Thresholds.Step(value, "red")), Thresholds.Display.LINE);
    }

    static Query q(String refId, String expr, String legend) {
        return new Query(refId, "", QueryLanguage.PROMQL, expr, legend, false, false, "");
    }

    static Query instant(String refId, String expr, String legend) {
        return new Query(refId, "", QueryLanguage.PROMQL, expr, legend, true, false, "");
    }

    /** A range query of one number per UTC day (GitHub's reports): the step is at least a day. */
    static Query daily(String refId, String expr, String legend) {
        return new Query(refId, "", QueryLanguage.PROMQL, expr, legend, false, false, "1d");
    }

    /**
     * A stat's queries: A over the range and, when it reads the range ({@code [$__range]}, or a
     * binding template's {@code window=$__range}), B the same over the period before.
     */
    static List<Query> statQueries(String expr) {
        List<Query> queries = new ArrayList<>();
        queries.add(instant("A", expr, ""));
        if (BoundQuery.isTemplate(expr) && expr.contains("window=$__range")) {
            queries.add(instant("B", expr + " offset=$__range", ""));
        } else if (expr.contains("[$__range]")) {
            queries.add(instant("B", expr.replace("[$__range]", "[$__range] offset $__range"), ""));
        }
        return queries;
    }

    /**
     * A stat's queries over GitHub's daily reports: A and B, and R, above 0 when a re-baseline lies in
     * the range or the period before, so that no change is shown across it.
     */
    static List<Query> reportStatQueries(String expr) {
        List<Query> queries = new ArrayList<>(statQueries(expr));
        queries.add(instant(Stat.REBASELINE_REF, UsageQueries.REBASELINE_IN_RANGE_OR_BEFORE, ""));
        return queries;
    }

    /** A panel just added, to give it its feeds: its own queries' first, then each alternative's. */
    final class Added {
        private final int index;

        private Added(int index) {
            this.index = index;
        }

        /** What feeds the panel's own queries. */
        Added from(PanelSources.Feed own) {
            return set(PanelSources.of(own));
        }

        /** Another feed, tried when the ones before gave no value. */
        Added or(PanelSources.Feed feed, Query... queries) {
            return or(feed, List.of(queries));
        }

        Added or(PanelSources.Feed feed, List<Query> queries) {
            Panel p = panels.get(index);
            return set(p.options().sources().or(feed, queries));
        }

        private Added set(PanelSources s) {
            Panel p = panels.get(index);
            panels.set(index, new Panel(p.id(), p.type(), p.title(), describe(s), p.grid(), p.queries(), p.fieldConfig(),
                    p.options().withSources(s), p.timeShift(), p.text(), p.collapsed(), p.children(), null, null));
            return this;
        }
    }

    /** The panel's description in words (Grafana shows it): which feeds, in which order. */
    static String describe(PanelSources s) {
        StringBuilder b = new StringBuilder("Source: ").append(s.own().label()).append(" (these queries)");
        for (PanelSources.Alternative a : s.alternatives()) {
            b.append(", else ").append(a.feed().label());
        }
        b.append(". Vigia draws the first that has data");
        if (!s.alternatives().isEmpty()) {
            b.append("; the other feeds' PromQL is in Vigia's docs/telemetry.md");
        }
        return b.append(". ").append(s.needs()).append('.').toString();
    }
}
