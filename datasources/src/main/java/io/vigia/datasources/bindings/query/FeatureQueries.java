package io.vigia.datasources.bindings.query;

import io.vigia.datasources.bindings.FeatureBinding;

import java.util.List;
import java.util.Map;

/** PromQL for model-input drift from a feature-histogram binding. */
public final class FeatureQueries {
    private FeatureQueries() {
    }

    /** Bucket increases per feature (and {@code le}) over the window: the input of the drift scores. */
    public static QueryPlan buckets(FeatureBinding f, Filter filter, String window) {
        PromqlText.Matchers m = matchers(f, filter);
        if (m == null) {
            return new QueryPlan.Unavailable(f.metric() + " has no model label");
        }
        return new QueryPlan.Available("sum by (" + f.featureLabel() + ", le) (increase(" + m.on(f.metric() + "_bucket")
                + "[" + window + "]))", Map.of(Dimension.FEATURE, f.featureLabel()), List.of());
    }

    /** Mean value per feature over the window. */
    public static QueryPlan mean(FeatureBinding f, Filter filter, String window) {
        PromqlText.Matchers m = matchers(f, filter);
        if (m == null) {
            return new QueryPlan.Unavailable(f.metric() + " has no model label");
        }
        String by = "by (" + f.featureLabel() + ") ";
        return new QueryPlan.Available("sum " + by + "(increase(" + m.on(f.metric() + "_sum") + "[" + window + "])) / sum "
                + by + "(increase(" + m.on(f.metric() + "_count") + "[" + window + "]))",
                Map.of(Dimension.FEATURE, f.featureLabel()), List.of());
    }

    private static PromqlText.Matchers matchers(FeatureBinding f, Filter filter) {
        PromqlText.Matchers m = PromqlText.matchers();
        filter.apply(Dimension.FEATURE, f.featureLabel(), m);
        if (filter.selects(Dimension.MODEL)) {
            if (f.modelLabel() == null) {
                return null;
            }
            filter.apply(Dimension.MODEL, f.modelLabel(), m);
        }
        return m;
    }
}
