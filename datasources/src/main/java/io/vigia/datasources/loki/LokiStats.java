package io.vigia.datasources.loki;

import java.util.Map;
import java.util.Optional;

/**
 * Loki's query statistics. Their layout changed across Loki versions (flat {@code store} in 2.x,
 * nested {@code querier.store.chunk} later), so the tree is kept as sent and read by path.
 */
public record LokiStats(Map<String, Object> tree) {
    public static final LokiStats EMPTY = new LokiStats(Map.of());

    public LokiStats {
        tree = tree == null ? Map.of() : java.util.Collections.unmodifiableMap(tree);
    }

    /** A number by dotted path, e.g. {@code summary.totalBytesProcessed}. */
    public Optional<Number> number(String path) {
        Object node = tree;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) {
                return Optional.empty();
            }
            node = m.get(part);
        }
        return node instanceof Number n ? Optional.of(n) : Optional.empty();
    }

    public long totalBytesProcessed() {
        return number("summary.totalBytesProcessed").map(Number::longValue).orElse(0L);
    }

    public long totalLinesProcessed() {
        return number("summary.totalLinesProcessed").map(Number::longValue).orElse(0L);
    }

    public double execTimeSeconds() {
        return number("summary.execTime").map(Number::doubleValue).orElse(0.0);
    }

    public boolean isEmpty() {
        return tree.isEmpty();
    }
}
