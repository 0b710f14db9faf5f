package io.vigia.datasources.bindings;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request-latency metric as the source has it.
 *
 * @param metric    the base name, without {@code _bucket}/{@code _sum}/{@code _count}
 * @param service   where the service name is; null when no label names it (whole-source figures only)
 * @param route     the route label; null when there is none
 * @param fixed     label values every query selects, e.g. Istio's {@code reporter="destination"}
 * @param quantiles for a {@link LatencyKind#SUMMARY}, the {@code quantile} label values present; else empty
 */
public record LatencyBinding(String metric, LatencyKind kind, DurationUnit unit, ServiceLabel service, String route,
                             Map<String, String> fixed, List<String> quantiles) implements Binding {
    public LatencyBinding {
        Names.requireMetric(metric);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        if (route != null) {
            Names.requireLabel(route);
        }
        fixed = Map.copyOf(fixed == null ? Map.of() : fixed);
        fixed.keySet().forEach(Names::requireLabel);
        quantiles = List.copyOf(quantiles == null ? List.of() : quantiles);
    }

    @Override
    public SemanticInput input() {
        return SemanticInput.REQUEST_LATENCY;
    }

    @Override
    public String describe() {
        return metric + " (" + kind.text() + (unit == DurationUnit.MILLISECONDS ? ", milliseconds" : "") + ")"
                + Describe.labels(service, route, null) + Describe.fixed(new TreeMap<>(fixed));
    }
}
