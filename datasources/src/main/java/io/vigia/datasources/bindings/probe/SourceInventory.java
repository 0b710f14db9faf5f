package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.persistence.series.Labels;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a source has in the probe window, asked lazily and remembered: the metric names
 * ({@code /api/v1/label/__name__/values}), each metric's label names ({@code /api/v1/labels?match[]=}),
 * a label's values on a metric, and declared types. Counts its calls so a probe's cost is visible.
 */
final class SourceInventory {
    private final MetricsSource source;
    private final ProbeWindow window;
    private final MetricTypes types;
    private Set<String> names;
    private final Map<String, Set<String>> labels = new HashMap<>();
    private final Map<String, List<String>> values = new HashMap<>();
    private final Map<String, Optional<String>> typeCache = new HashMap<>();
    private int calls;

    SourceInventory(MetricsSource source, ProbeWindow window, MetricTypes types) {
        this.source = source;
        this.window = window;
        this.types = types;
    }

    Set<String> names() {
        if (names == null) {
            calls++;
            names = new TreeSet<>(source.labelValues(Labels.METRIC_NAME, List.of(), window.from(), window.to()));
        }
        return names;
    }

    boolean has(String metric) {
        return names().contains(metric);
    }

    /** The label names of a metric's series in the window; empty when it has none. */
    Set<String> labels(String metric) {
        return labels.computeIfAbsent(metric, m -> {
            if (!has(m)) {
                return Set.of();
            }
            calls++;
            Set<String> out = new TreeSet<>(source.labelNames(List.of(m), window.from(), window.to()));
            out.remove(Labels.METRIC_NAME);
            return out;
        });
    }

    /** The values of a label on a metric's series in the window. */
    List<String> values(String label, String metric) {
        return values.computeIfAbsent(metric + "\u0000" + label, k -> {
            if (!labels(metric).contains(label)) {
                return List.of();
            }
            calls++;
            return List.copyOf(source.labelValues(label, List.of(metric), window.from(), window.to()));
        });
    }

    Optional<String> type(String metric) {
        return typeCache.computeIfAbsent(metric, m -> {
            calls++;
            return types.typeOf(m);
        });
    }

    int calls() {
        return calls;
    }
}
