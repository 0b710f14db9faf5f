package io.vigia.datasources.bindings.guardrail;

import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sums query results by the OWASP class of their category label: PromQL cannot map vendor names
 * to OWASP ids, so the blocks-by-category query runs as is and its series are folded here. Every
 * category lands somewhere; unmapped ones keep their own row.
 */
public final class OwaspRollup {
    private final OwaspMapping mapping;
    private final String vocabulary;
    private final String categoryLabel;

    /** One class's total, with the raw categories that made it. */
    public record Count(OwaspClass owasp, double value, List<String> categories) {
        public Count {
            categories = List.copyOf(categories);
        }
    }

    /** One class's series over time; NaN where no category of it had a value. */
    public record Series(OwaspClass owasp, long[] timestamps, double[] values, List<String> categories) {
        public Series {
            categories = List.copyOf(categories);
        }
    }

    public OwaspRollup(OwaspMapping mapping, String vocabulary, String categoryLabel) {
        this.mapping = mapping;
        this.vocabulary = vocabulary;
        this.categoryLabel = categoryLabel;
    }

    /** Totals per class of an instant query's vector, classes in OWASP order. */
    public List<Count> counts(QueryResult.Vector vector) {
        Map<OwaspClass, double[]> sums = new TreeMap<>();
        Map<OwaspClass, TreeSet<String>> raw = new TreeMap<>();
        for (int i = 0; i < vector.size(); i++) {
            OwaspClass c = classOf(vector.labels()[i]);
            double v = vector.values()[i];
            if (Double.isFinite(v)) {
                sums.computeIfAbsent(c, k -> new double[1])[0] += v;
            }
            raw.computeIfAbsent(c, k -> new TreeSet<>()).add(category(vector.labels()[i]));
        }
        List<Count> out = new ArrayList<>();
        raw.forEach((c, names) -> out.add(new Count(c, sums.containsKey(c) ? sums.get(c)[0] : Double.NaN, new ArrayList<>(names))));
        return out;
    }

    /** Series per class of a range query's matrix, summed at each timestamp. */
    public List<Series> series(QueryResult.Matrix matrix) {
        Map<OwaspClass, TreeMap<Long, Double>> sums = new TreeMap<>();
        Map<OwaspClass, TreeSet<String>> raw = new TreeMap<>();
        for (QueryResult.RangeSeries s : matrix.series()) {
            OwaspClass c = classOf(s.labels());
            TreeMap<Long, Double> byTime = sums.computeIfAbsent(c, k -> new TreeMap<>());
            for (int i = 0; i < s.size(); i++) {
                if (Double.isFinite(s.values()[i])) {
                    byTime.merge(s.timestamps()[i], s.values()[i], Double::sum);
                }
            }
            raw.computeIfAbsent(c, k -> new TreeSet<>()).add(category(s.labels()));
        }
        List<Series> out = new ArrayList<>();
        sums.forEach((c, byTime) -> {
            long[] ts = new long[byTime.size()];
            double[] vs = new double[byTime.size()];
            int i = 0;
            for (Map.Entry<Long, Double> e : byTime.entrySet()) {
                ts[i] = e.getKey();
                vs[i++] = e.getValue();
            }
            out.add(new Series(c, ts, vs, new ArrayList<>(raw.get(c))));
        });
        return out;
    }

    private OwaspClass classOf(Labels labels) {
        return mapping.classify(vocabulary, category(labels));
    }

    /** The category value; a source without a category label (NeMo's blocked counter) has none. */
    private String category(Labels labels) {
        return categoryLabel == null ? "" : labels.get(categoryLabel);
    }
}
