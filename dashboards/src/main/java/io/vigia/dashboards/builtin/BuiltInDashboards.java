package io.vigia.dashboards.builtin;

import io.vigia.dashboards.analytics.DriftThresholds;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.PanelOptions.Drift;
import io.vigia.dashboards.model.PanelOptions.Stacking;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.Thresholds;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vigia.dashboards.builtin.PanelGrid.instant;
import static io.vigia.dashboards.builtin.PanelGrid.q;

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
    public static final String COPILOT_HEALTH = CopilotHealthDashboard.UID;
    public static final String AI_CODING_ADOPTION = AiCodingAdoptionDashboard.UID;
    public static final String GUARDRAILS = "guardrails";
    /** The LogQL of the Guardrails dashboard's "Blocked prompts" panel. */
    public static final String BLOCKED_PROMPTS = "{job=\"guardrail\", decision=\"blocked\"}";
    public static final String MODEL_DRIFT = "model-drift";
    public static final String SERVICE_LATENCY = "service-latency";

    private static final String SHOWN = "vigia_copilot_suggestions_shown_total";
    private static final String GUARD = "vigia_guardrail_decisions_total";
    private static final String HTTP = "http_server_request_duration_seconds";

    private BuiltInDashboards() {
    }

    public static List<Dashboard> all() {
        return List.of(copilotHealth(), aiCodingAdoption(), guardrails(), modelDrift(), serviceLatency());
    }

    public static Optional<Dashboard> find(String uid) {
        return all().stream().filter(d -> d.uid().equals(uid)).findFirst();
    }

    public static Dashboard copilotHealth() {
        return CopilotHealthDashboard.dashboard();
    }

    public static Dashboard aiCodingAdoption() {
        return AiCodingAdoptionDashboard.dashboard();
    }

    public static Dashboard guardrails() {
        PanelGrid b = new PanelGrid();
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
        PanelGrid b = new PanelGrid();
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
        PanelGrid b = new PanelGrid();
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

}
