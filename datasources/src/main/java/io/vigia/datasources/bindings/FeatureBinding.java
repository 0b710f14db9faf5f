package io.vigia.datasources.bindings;

/**
 * Histograms of model inputs, one distribution per value of {@code featureLabel}
 * ({@code vigia_model_input_feature{feature}}, or OpenTelemetry's token usage by {@code gen_ai_token_type}).
 *
 * @param metric the base name; buckets are {@code metric + "_bucket"}
 */
public record FeatureBinding(String metric, String featureLabel, String modelLabel) implements Binding {
    public FeatureBinding {
        Names.requireMetric(metric);
        Names.requireLabel(featureLabel);
        if (modelLabel != null) {
            Names.requireLabel(modelLabel);
        }
    }

    @Override
    public SemanticInput input() {
        return SemanticInput.MODEL_INPUT_FEATURES;
    }

    @Override
    public String describe() {
        return metric + " (buckets), feature=" + featureLabel + ", model=" + (modelLabel == null ? "(none)" : modelLabel);
    }
}
