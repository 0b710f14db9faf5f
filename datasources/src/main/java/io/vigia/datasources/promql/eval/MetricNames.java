package io.vigia.datasources.promql.eval;

import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removing the metric name (and Prometheus 3's other metadata labels) from results: where a
 * function drops it, or, with delayed name removal, when the query's result is assembled; series
 * that end up with the same labels merge, and two at one step are Prometheus's "same labelset" error.
 */
final class MetricNames {
    private MetricNames() {
    }

    /**
     * Applies delayed metric-name removal and merges series that end up with the same labels; two
     * of them at the same step is Prometheus's "same labelset" error.
     */
    static List<StepSeries> finishNames(List<StepSeries> in) {
        boolean anyDrop = false;
        for (StepSeries s : in) {
            if (s.dropName) {
                anyDrop = true;
                break;
            }
        }
        if (!anyDrop) {
            return mergeSameLabels(in);
        }
        List<StepSeries> renamed = new ArrayList<>(in.size());
        for (StepSeries s : in) {
            if (s.dropName) {
                s = s.copy(withoutMetadata(s.labels), false);
            }
            renamed.add(s);
        }
        return mergeSameLabels(renamed);
    }

    /** Drops the metadata labels Prometheus 3 removes with the name: __name__, __type__, __unit__. */
    static Labels withoutMetadata(Labels l) {
        if (!l.has(Labels.METRIC_NAME) && !l.has("__type__") && !l.has("__unit__")) {
            return l;
        }
        return l.toBuilder().remove(Labels.METRIC_NAME).remove("__type__").remove("__unit__").build();
    }

    static List<StepSeries> mergeSameLabels(List<StepSeries> in) {
        Map<Labels, StepSeries> seen = new LinkedHashMap<>();
        boolean dup = false;
        for (StepSeries s : in) {
            if (seen.putIfAbsent(s.labels, s) != null) {
                dup = true;
            }
        }
        if (!dup) {
            return in;
        }
        Map<Labels, StepSeries> merged = new LinkedHashMap<>();
        for (StepSeries s : in) {
            StepSeries m = merged.get(s.labels);
            if (m == null) {
                merged.put(s.labels, s.copy(s.labels, s.dropName));
                continue;
            }
            for (int i = 0; i < s.present.length; i++) {
                if (s.present[i]) {
                    if (m.present[i]) {
                        throw new EvalException("vector cannot contain metrics with the same labelset");
                    }
                    m.set(i, s.values[i]);
                }
            }
        }
        return new ArrayList<>(merged.values());
    }

}
