package io.vigia.dashboards.builtin;

import io.vigia.dashboards.analytics.DriftThresholds;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.PanelOptions.Drift;
import io.vigia.dashboards.model.PanelOptions.Stacking;
import io.vigia.dashboards.model.PanelOptions.Stat;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.Thresholds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboards Vigia ships, written against the telemetry contract (docs/telemetry.md, which
 * lists every query below; a test keeps the two in step). They read the default source, so the
 * same dashboards show the demo workspace, a workspace fed by imports or a remote Prometheus.
 *
 * <p>Ratios use trailing windows ({@code [1d]}) where a short window would be mostly nights and
 * weekends with nothing to divide; stat tiles and bar charts use {@code $__range}, the whole
 * selected range.
 */
public final class BuiltInDashboards {
    public static final String COPILOT_HEALTH = "copilot-health";
    public static final String GUARDRAILS = "guardrails";
    /** The LogQL of the Guardrails dashboard's "Blocked prompts" panel. */
    public static final String BLOCKED_PROMPTS = "{job=\"guardrail\", decision=\"blocked\"}";
    public static final String MODEL_DRIFT = "model-drift";
    public static final String SERVICE_LATENCY = "service-latency";

    private static final String ACCEPTED = "vigia_copilot_suggestions_accepted_total";
    private static final String SHOWN = "vigia_copilot_suggestions_shown_total";
    private static final String GUARD = "vigia_guardrail_decisions_total";
    private static final String HTTP = "http_server_request_duration_seconds";

    private BuiltInDashboards() {
    }

    public static List<Dashboard> all() {
        return List.of(copilotHealth(), guardrails(), modelDrift(), serviceLatency());
    }

    public static Optional<Dashboard> find(String uid) {
        return all().stream().filter(d -> d.uid().equals(uid)).findFirst();
    }

    public static Dashboard copilotHealth() {
        Builder b = new Builder();
        b.stat("Acceptance rate", "percentunit", KpiDirection.HIGHER_IS_BETTER,
                "sum(increase(" + ACCEPTED + "[$__range])) / sum(increase(" + SHOWN + "[$__range]))");
        b.stat("Acceptance rate by lines", "percentunit", KpiDirection.HIGHER_IS_BETTER,
                "sum(increase(vigia_copilot_lines_accepted_total[$__range])) / sum(increase(vigia_copilot_lines_suggested_total[$__range]))");
        b.stat("SAST-flagged per 1,000 accepted", "short", KpiDirection.LOWER_IS_BETTER,
                "1000 * sum(increase(vigia_copilot_accepted_with_sast_findings_total[$__range])) / sum(increase(" + ACCEPTED + "[$__range]))");
        b.stat("Reverted share of accepted", "percentunit", KpiDirection.LOWER_IS_BETTER,
                "sum(increase(vigia_copilot_suggestions_reverted_total[$__range])) / sum(increase(" + ACCEPTED + "[$__range]))");
        b.stat("Prompts blocked", "short", KpiDirection.NEUTRAL,
                "sum(increase(" + GUARD + "{decision=\"blocked\",direction=\"input\"}[$__range]))");
        b.stat("Active users", "short", KpiDirection.HIGHER_IS_BETTER, "sum(vigia_copilot_active_users)");
        b.row(8);
        b.timeSeries("Acceptance rate by team (trailing 24 h)", "percentunit", 12,
                q("A", "sum by (team) (increase(" + ACCEPTED + "[1d])) / sum by (team) (increase(" + SHOWN + "[1d]))", "{{team}}"));
        b.timeSeries("Acceptance rate by model (trailing 24 h)", "percentunit", 12,
                q("A", "sum by (model) (increase(" + ACCEPTED + "[1d])) / sum by (model) (increase(" + SHOWN + "[1d]))", "{{model}}"));
        b.row(8);
        b.bars("Acceptance by language", "percentunit", 8,
                instant("A", "sum by (language) (increase(" + ACCEPTED + "[$__range])) / sum by (language) (increase(" + SHOWN + "[$__range]))", "{{language}}"));
        b.bars("Acceptance by editor", "percentunit", 8,
                instant("A", "sum by (editor) (increase(" + ACCEPTED + "[$__range])) / sum by (editor) (increase(" + SHOWN + "[$__range]))", "{{editor}}"));
        b.timeSeries("SAST-flagged per 1,000 accepted, by severity (trailing 24 h)", "short", 8,
                q("A", "1000 * sum by (severity) (increase(vigia_copilot_accepted_with_sast_findings_total[1d])) / scalar(sum(increase(" + ACCEPTED + "[1d])))", "{{severity}}"));
        b.row(8);
        b.timeSeries("Prompts blocked per hour, by category", "short", 12, STACKED,
                q("A", "sum by (category) (rate(" + GUARD + "{decision=\"blocked\"}[$__rate_interval])) * 3600", "{{category}}"));
        b.table("Prompts blocked by category", 12, OWASP,
                instant("A", "sort_desc(sum by (category) (increase(" + GUARD + "{decision=\"blocked\"}[$__range])))", "{{category}}"));
        b.row(8);
        b.timeSeries("Reverted share of accepted, by model (trailing 24 h)", "percentunit", 7,
                q("A", "sum by (model) (increase(vigia_copilot_suggestions_reverted_total[1d])) / sum by (model) (increase(" + ACCEPTED + "[1d]))", "{{model}}"));
        b.table("Input drift status", 10, DRIFT_STATUS,
                instant("A", FEATURE_BUCKET, "{{feature}}"));
        b.timeSeries("Active users by team", "short", 7,
                q("A", "sum by (team) (vigia_copilot_active_users)", "{{team}}"));
        return b.dashboard(COPILOT_HEALTH, "Copilot Health", "now-7d", List.of("copilot", "built-in"),
                List.of(deploys(), missingCopilotDays()));
    }

    public static Dashboard guardrails() {
        Builder b = new Builder();
        b.stat("Block rate", "percentunit", KpiDirection.NEUTRAL, "sum(increase(" + GUARD + "{decision=\"blocked\"}[$__range])) / sum(increase(" + GUARD + "[$__range]))");
        b.stat("Blocked", "short", KpiDirection.NEUTRAL, "sum(increase(" + GUARD + "{decision=\"blocked\"}[$__range]))");
        b.stat("Redacted", "short", KpiDirection.NEUTRAL, "sum(increase(" + GUARD + "{decision=\"redacted\"}[$__range]))");
        b.stat("Prompt injection attempts", "short", KpiDirection.LOWER_IS_BETTER, "sum(increase(" + GUARD + "{category=\"prompt_injection\"}[$__range]))");
        b.row(8);
        b.timeSeries("Block rate", "percentunit", 12,
                q("A", "sum(rate(" + GUARD + "{decision=\"blocked\"}[$__rate_interval])) / sum(rate(" + GUARD + "[$__rate_interval]))", "block rate"));
        b.timeSeries("Blocked per hour, by category", "short", 12, STACKED,
                q("A", "sum by (category) (rate(" + GUARD + "{decision=\"blocked\"}[$__rate_interval])) * 3600", "{{category}}"));
        b.row(8);
        b.bars("Hits by detector", "short", 8,
                instant("A", "sort_desc(sum by (detector) (increase(" + GUARD + "{decision!=\"allowed\"}[$__range])))", "{{detector}}"));
        b.bars("Hits by app", "short", 8,
                instant("A", "sum by (app) (increase(" + GUARD + "{decision!=\"allowed\"}[$__range]))", "{{app}}"));
        b.timeSeries("Input vs output hits per hour", "short", 8,
                q("A", "sum by (direction) (rate(" + GUARD + "{decision!=\"allowed\"}[$__rate_interval])) * 3600", "{{direction}}"));
        b.row(8);
        b.bars("Category mix: this week vs the week before", "short", 12, seriesNames("This week", "Week before"),
                instant("A", "sum by (category) (increase(" + GUARD + "{decision!=\"allowed\"}[1w]))", "{{category}}"),
                instant("B", "sum by (category) (increase(" + GUARD + "{decision!=\"allowed\"}[1w] offset 1w))", "{{category}}"));
        b.table("Hits by category", 12, OWASP,
                instant("A", "sort_desc(sum by (category) (increase(" + GUARD + "{decision!=\"allowed\"}[$__range])))", "{{category}}"));
        b.row(10);
        // the stored events (prompts redacted when stored, drawn inertly); "" is the workspace's own
        // logs unless a Loki source is the default for LogQL
        b.logs("Blocked prompts", 24, new Query("A", "", QueryLanguage.LOGQL, BLOCKED_PROMPTS, "", false, false, ""));
        return b.dashboard(GUARDRAILS, "Guardrails", "now-7d", List.of("guardrails", "built-in"), List.of());
    }

    public static Dashboard modelDrift() {
        Builder b = new Builder();
        b.firstRowHeight(8);
        b.timeSeries("Drift score per feature: Jensen\u2013Shannon distance, trailing 24 h vs the week before", "none", 14,
                PanelOptions.DEFAULTS.withDrift(Drift.of(Drift.Mode.SCORE)), thresholdLine(DriftThresholds.DEFAULTS.jensenShannon().drift()),
                q("A", FEATURE_BUCKET, "{{feature}}"));
        b.table("Drift status vs the period before", 10, DRIFT_STATUS,
                instant("A", FEATURE_BUCKET, "{{feature}}"));
        b.row(8);
        b.timeSeries("Input drift: mean vs the week before (ratio, 1 = no change)", "short", 24, PanelOptions.DEFAULTS, thresholdLine(1.25),
                q("A", meanRatio(), "{{feature}}"));
        b.row(8);
        b.timeSeries("prompt_tokens: mean per request (trailing 6 h)", "short", 12,
                q("A", featureMean("prompt_tokens", "6h"), "{{model}}"));
        b.timeSeries("context_files: mean per request (trailing 6 h)", "short", 12,
                q("A", featureMean("context_files", "6h"), "{{model}}"));
        b.row(8);
        b.bars("prompt_tokens distribution: last 24 h vs the same day a week before", "short", 12,
                seriesNames("Last 24 h", "Week before"),
                instant("A", "sum by (le) (increase(vigia_model_input_feature_bucket{feature=\"prompt_tokens\"}[1d]))", "{{le}}"),
                instant("B", "sum by (le) (increase(vigia_model_input_feature_bucket{feature=\"prompt_tokens\"}[1d] offset 1w))", "{{le}}"));
        b.heatmap("prompt_tokens histogram over time", 12,
                q("A", "sum by (le) (increase(vigia_model_input_feature_bucket{feature=\"prompt_tokens\"}[$__rate_interval]))", "{{le}}"));
        return b.dashboard(MODEL_DRIFT, "Model Drift", "now-14d", List.of("drift", "built-in"), List.of());
    }

    public static Dashboard serviceLatency() {
        Builder b = new Builder();
        b.firstRowHeight(8);
        b.timeSeries("p95 latency by service", "s", 12,
                q("A", "histogram_quantile(0.95, sum by (le, service) (rate(" + HTTP + "_bucket[$__rate_interval])))", "{{service}}"));
        b.timeSeries("payments: p50 / p95 / p99", "s", 12,
                q("A", quantile("0.5", "payments"), "p50"),
                q("B", quantile("0.95", "payments"), "p95"),
                q("C", quantile("0.99", "payments"), "p99"));
        b.row(8);
        b.timeSeries("Error rate by service (5xx share)", "percentunit", 12,
                q("A", "sum by (service) (rate(" + HTTP + "_count{http_response_status_code=~\"5..\"}[$__rate_interval])) / sum by (service) (rate(" + HTTP + "_count[$__rate_interval]))", "{{service}}"));
        b.timeSeries("Throughput by service", "reqps", 12,
                q("A", "sum by (service) (rate(" + HTTP + "_count[$__rate_interval]))", "{{service}}"));
        b.row(8);
        b.table("Running versions", 12, PanelOptions.DEFAULTS,
                instant("A", "max by (service, version) (vigia_build_info)", "{{service}} {{version}}"));
        b.timeSeries("p95 latency by route", "s", 12,
                q("A", "histogram_quantile(0.95, sum by (le, service, http_route) (rate(" + HTTP + "_bucket[$__rate_interval])))", "{{service}} {{http_route}}"));
        return b.dashboard(SERVICE_LATENCY, "Service Latency & Deploys", "now-7d", List.of("sre", "built-in"),
                List.of(deploys()));
    }

    /** Deploy markers: a new {@code version} of {@code vigia_build_info} per service. */
    public static AnnotationSource deploys() {
        return new AnnotationSource("Deploys", AnnotationSource.Kind.DEPLOYS, "", "vigia_build_info",
                "{{service}} {{version}}", "", "rgba(255, 120, 10, 1)", true);
    }

    /** Data-quality regions: UTC days without any Copilot suggestion count (an import or scrape gap). */
    public static AnnotationSource missingCopilotDays() {
        return new AnnotationSource("Missing days", AnnotationSource.Kind.DATA_GAPS, "", SHOWN, "", "",
                "rgba(138, 143, 152, 1)", true);
    }

    private static String quantile(String q, String service) {
        return "histogram_quantile(" + q + ", sum by (le) (rate(" + HTTP + "_bucket{service=\"" + service + "\"}[$__rate_interval])))";
    }

    private static String featureMean(String feature, String window) {
        return "sum by (model) (increase(vigia_model_input_feature_sum{feature=\"" + feature + "\"}[" + window + "]))"
                + " / sum by (model) (increase(vigia_model_input_feature_count{feature=\"" + feature + "\"}[" + window + "]))";
    }

    private static final String FEATURE_BUCKET = "vigia_model_input_feature_bucket";

    private static String meanRatio() {
        return "(sum by (feature) (increase(vigia_model_input_feature_sum[1d])) / sum by (feature) (increase(vigia_model_input_feature_count[1d])))"
                + " / (sum by (feature) (increase(vigia_model_input_feature_sum[1d] offset 1w)) / sum by (feature) (increase(vigia_model_input_feature_count[1d] offset 1w)))";
    }

    private static final PanelOptions STACKED = PanelOptions.DEFAULTS.withGraph(PanelOptions.Graph.DEFAULTS.withStacking(Stacking.NORMAL));
    private static final PanelOptions OWASP = PanelOptions.DEFAULTS.withTable(new PanelOptions.Table(true));
    private static final PanelOptions DRIFT_STATUS = PanelOptions.DEFAULTS.withDrift(Drift.of(Drift.Mode.STATUS));

    /** Bar series named by refId: A, then B. */
    private static PanelOptions seriesNames(String a, String b) {
        return PanelOptions.DEFAULTS.withBars(new PanelOptions.Bars(null, Map.of("A", a, "B", b)));
    }

    private static Thresholds thresholdLine(double value) {
        return new Thresholds(Thresholds.Mode.ABSOLUTE, List.of(new Thresholds.Step(null, "green"),
                new Thresholds.Step(value, "red")), Thresholds.Display.LINE);
    }

    private static Query q(String refId, String expr, String legend) {
        return new Query(refId, "", QueryLanguage.PROMQL, expr, legend, false, false, "");
    }

    private static Query instant(String refId, String expr, String legend) {
        return new Query(refId, "", QueryLanguage.PROMQL, expr, legend, true, false, "");
    }

    /** Lays panels left to right in rows, as Grafana's 24-column grid. */
    private static final class Builder {
        private final List<Panel> panels = new ArrayList<>();
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

        private Panel add(PanelType type, String title, int w, List<Query> queries, FieldConfig fc, PanelOptions options) {
            Panel p = new Panel(panels.size() + 1, type, title, "", new GridPos(x, y, w, rowHeight), queries, fc, options,
                    "", "", false, List.of(), null, null);
            panels.add(p);
            x += w;
            return p;
        }

        /** A stat tile; query B, the same over the period before, gives the delta. */
        void stat(String title, String unit, KpiDirection direction, String expr) {
            List<Query> queries = new ArrayList<>();
            queries.add(instant("A", expr, ""));
            if (expr.contains("[$__range]")) {
                queries.add(instant("B", expr.replace("[$__range]", "[$__range] offset $__range"), ""));
            }
            add(PanelType.STAT, title, 4, queries, FieldConfig.DEFAULT.withUnit(unit), PanelOptions.DEFAULTS.withStat(Stat.of(direction)));
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
            return new Dashboard(uid, title, tags, from, "now", "", List.of(), panels, annotations);
        }
    }
}
