package io.vigia.dashboards.query;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.guardrail.OwaspClass;
import io.vigia.datasources.bindings.guardrail.OwaspMapping;
import io.vigia.datasources.bindings.guardrail.OwaspRollup;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Folds a blocks-by-category answer into OWASP Top 10 for LLM Applications 2025 classes: one series
 * per class, labelled {@code owasp} ("LLM01 Prompt Injection", "unmapped: acme-policy") and
 * {@code categories} (the vendor's names that made it). PromQL cannot map vendor names, so the
 * category query runs as is and its answer is folded here. With {@code onlyId}, one class is kept
 * (a stat of LLM01 blocks); nothing found gives an empty answer.
 */
record OwaspFold(OwaspMapping mapping, String vocabulary, String categoryLabel, String onlyId) implements UnaryOperator<QueryResult> {
    static final String LABEL = "owasp";

    @Override
    public QueryResult apply(QueryResult r) {
        OwaspRollup rollup = new OwaspRollup(mapping, vocabulary, categoryLabel);
        return switch (r) {
            case QueryResult.Vector v -> {
                List<Labels> labels = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (OwaspRollup.Count c : rollup.counts(v)) {
                    if (kept(c.owasp())) {
                        labels.add(labels(c.owasp(), c.categories()));
                        values.add(c.value());
                    }
                }
                long ts = v.size() == 0 ? 0 : v.timestamps()[0];
                long[] tss = new long[labels.size()];
                java.util.Arrays.fill(tss, ts);
                yield new QueryResult.Vector(labels.toArray(Labels[]::new), tss, values.stream().mapToDouble(Double::doubleValue).toArray());
            }
            case QueryResult.Matrix m -> new QueryResult.Matrix(rollup.series(m).stream().filter(s -> kept(s.owasp()))
                    .map(s -> new QueryResult.RangeSeries(labels(s.owasp(), s.categories()), s.timestamps(), s.values())).toList());
            case QueryResult.Scalar s -> s;
            case QueryResult.StringValue s -> s;
        };
    }

    private boolean kept(OwaspClass c) {
        return onlyId == null || c instanceof OwaspClass.Entry e && e.id().equals(onlyId);
    }

    private static Labels labels(OwaspClass c, List<String> categories) {
        return Labels.of(LABEL, c.label(), "categories", String.join(", ", categories.stream().filter(x -> !x.isEmpty()).toList()));
    }
}
