package io.vigia.datasources.bindings.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A query generated from a binding, or the reason the binding cannot answer it. */
public sealed interface QueryPlan {

    /**
     * @param promql       the expression; rate windows are passed through as given ({@code $__rate_interval} stays)
     * @param resultLabels which result label holds each grouped dimension (the service may be {@code job},
     *                     {@code service_name}, {@code application}…), for legends and lookups
     * @param notes        what a panel must say about the numbers ("mean latency: no buckets")
     */
    record Available(String promql, Map<Dimension, String> resultLabels, List<String> notes) implements QueryPlan {
        public Available {
            Objects.requireNonNull(promql, "promql");
            resultLabels = Map.copyOf(resultLabels);
            notes = List.copyOf(notes);
        }

        /** A Grafana-style legend from the grouped dimensions: {@code {{job}} {{handler}}}. */
        public String legend() {
            StringBuilder b = new StringBuilder();
            for (Dimension d : Dimension.values()) {
                String l = resultLabels.get(d);
                if (l != null) {
                    b.append(b.isEmpty() ? "" : " ").append("{{").append(l).append("}}");
                }
            }
            return b.toString();
        }
    }

    /** What the binding lacks: "only _sum and _count: no quantiles". */
    record Unavailable(String reason) implements QueryPlan {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    default boolean isAvailable() {
        return this instanceof Available;
    }

    /** The expression, or an exception naming the reason; for callers that checked {@link #isAvailable()}. */
    default String promql() {
        return switch (this) {
            case Available a -> a.promql();
            case Unavailable u -> throw new IllegalStateException(u.reason());
        };
    }
}
