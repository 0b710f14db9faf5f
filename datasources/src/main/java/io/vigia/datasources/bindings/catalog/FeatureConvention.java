package io.vigia.datasources.bindings.catalog;

import io.vigia.datasources.bindings.Names;

/** A histogram of model inputs, one distribution per value of {@code feature}. */
public record FeatureConvention(String id, String title, int rank, String metric, String feature, String model, String source) {
    public FeatureConvention {
        Entries.require(id, title, source);
        Names.requireMetric(metric);
        Names.requireLabel(feature);
    }
}
