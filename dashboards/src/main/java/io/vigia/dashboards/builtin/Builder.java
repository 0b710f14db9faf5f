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
 * and holds what the built-ins share: query and option shorthands, the metric names of the
 * telemetry contract (docs/telemetry.md).
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

    private Panel add(PanelType type, String title, int w, List<Query> queries, FieldConfig fc, PanelOptions options) {
        Panel p = new Panel(panels.size() + 1, type, title, "", new GridPos(x, y, w, rowHeight), queries, fc, options,
                "", "", false, List.of(), null, null);
        panels.add(p);
        x += w;
        return p;
    }

    /** A stat tile; query B, the same over the period before, gives the delta. */
    void stat(String title, String unit, KpiDirection direction, String expr) {
        stat(title, unit, direction, expr, 4);
    }

    void stat(String title, String unit, KpiDirection direction, String expr, int w) {
        List<Query> queries = new ArrayList<>();
        queries.add(instant("A", expr, ""));
        if (BoundQuery.isTemplate(expr) && expr.contains("window=$__range")) {
            queries.add(instant("B", expr + " offset=$__range", ""));
        } else if (expr.contains("[$__range]")) {
            queries.add(instant("B", expr.replace("[$__range]", "[$__range] offset $__range"), ""));
        }
        add(PanelType.STAT, title, w, queries, FieldConfig.DEFAULT.withUnit(unit), PanelOptions.DEFAULTS.withStat(Stat.of(direction)));
    }

    void timeSeries(String title, String unit, int w, Query... queries) {
        timeSeries(title, unit, w, PanelOptions.DEFAULTS, queries);
    }

    void timeSeries(String title, String unit, int w, PanelOptions options, Query... queries) {
        timeSeries(title, unit, w, options, Thresholds.NONE, queries);
    }

    void timeSeries(String title, String unit, int w, PanelOptions options, Thresholds thresholds, Query... queries) {
        add(PanelType.TIME_SERIES, title, w, List.of(queries), FieldConfig.DEFAULT.withUnit(unit).withThresholds(thresholds), options);
    }

    void bars(String title, String unit, int w, Query... queries) {
        bars(title, unit, w, PanelOptions.DEFAULTS, queries);
    }

    void bars(String title, String unit, int w, PanelOptions options, Query... queries) {
        add(PanelType.BAR_CHART, title, w, List.of(queries), FieldConfig.DEFAULT.withUnit(unit), options);
    }

    void table(String title, int w, PanelOptions options, Query... queries) {
        add(PanelType.TABLE, title, w, List.of(queries), FieldConfig.DEFAULT.withUnit("short"), options);
    }

    void logs(String title, int w, Query... queries) {
        add(PanelType.LOGS, title, w, List.of(queries), FieldConfig.DEFAULT, PanelOptions.DEFAULTS);
    }

    void heatmap(String title, int w, Query... queries) {
        add(PanelType.HEATMAP, title, w, List.of(queries), FieldConfig.DEFAULT.withUnit("short"), PanelOptions.DEFAULTS);
    }

    Dashboard dashboard(String uid, String title, String from, List<String> tags, List<AnnotationSource> annotations) {
        return new Dashboard(uid, title, tags, from, "now", "", variables, panels, annotations);
    }

    /** Bar series named by refId: A, then B. */
    static PanelOptions seriesNames(String a, String b) {
        return PanelOptions.DEFAULTS.withBars(new PanelOptions.Bars(null, Map.of("A", a, "B", b)));
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
}
