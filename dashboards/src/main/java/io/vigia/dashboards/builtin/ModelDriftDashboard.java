package io.vigia.dashboards.builtin;

import io.vigia.dashboards.analytics.DriftThresholds;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.PanelOptions.Drift;

import java.util.List;

import static io.vigia.dashboards.builtin.Builder.instant;
import static io.vigia.dashboards.builtin.Builder.q;

/** Model Drift: drift scores and distributions of the model inputs. */
final class ModelDriftDashboard {
    private ModelDriftDashboard() {
    }

    static Dashboard build() {
        Builder b = new Builder();
        b.firstRowHeight(8);
        b.timeSeries("Drift score per feature: Jensen\u2013Shannon distance, trailing 24 h vs the week before", "none", 14,
                PanelOptions.DEFAULTS.withDrift(Drift.of(Drift.Mode.SCORE)), Builder.thresholdLine(DriftThresholds.DEFAULTS.jensenShannon().drift()),
                q("A", Builder.FEATURE_BUCKET, "{{feature}}"));
        b.table("Drift status vs the period before", 10, Builder.DRIFT_STATUS,
                instant("A", Builder.FEATURE_BUCKET, "{{feature}}"));
        b.row(8);
        b.timeSeries("Input drift: mean vs the week before (ratio, 1 = no change)", "short", 24, PanelOptions.DEFAULTS, Builder.thresholdLine(1.25),
                q("A", meanRatio(), "{{feature}}"));
        b.row(8);
        b.timeSeries("prompt_tokens: mean per request (trailing 6 h)", "short", 12,
                q("A", featureMean("prompt_tokens", "6h"), "{{model}}"));
        b.timeSeries("context_files: mean per request (trailing 6 h)", "short", 12,
                q("A", featureMean("context_files", "6h"), "{{model}}"));
        b.row(8);
        b.bars("prompt_tokens distribution: last 24 h vs the same day a week before", "short", 12,
                Builder.seriesNames("Last 24 h", "Week before"),
                instant("A", "sum by (le) (increase(vigia_model_input_feature_bucket{feature=\"prompt_tokens\"}[1d]))", "{{le}}"),
                instant("B", "sum by (le) (increase(vigia_model_input_feature_bucket{feature=\"prompt_tokens\"}[1d] offset 1w))", "{{le}}"));
        b.heatmap("prompt_tokens histogram over time", 12,
                q("A", "sum by (le) (increase(vigia_model_input_feature_bucket{feature=\"prompt_tokens\"}[$__rate_interval]))", "{{le}}"));
        return b.dashboard(BuiltInDashboards.MODEL_DRIFT, "Model Drift", "now-14d", List.of("drift", "built-in"), List.of());
    }

    private static String featureMean(String feature, String window) {
        return "sum by (model) (increase(vigia_model_input_feature_sum{feature=\"" + feature + "\"}[" + window + "]))"
                + " / sum by (model) (increase(vigia_model_input_feature_count{feature=\"" + feature + "\"}[" + window + "]))";
    }

    private static String meanRatio() {
        return "(sum by (feature) (increase(vigia_model_input_feature_sum[1d])) / sum by (feature) (increase(vigia_model_input_feature_count[1d])))"
                + " / (sum by (feature) (increase(vigia_model_input_feature_sum[1d] offset 1w)) / sum by (feature) (increase(vigia_model_input_feature_count[1d] offset 1w)))";
    }
}
