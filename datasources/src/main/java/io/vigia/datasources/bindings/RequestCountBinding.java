package io.vigia.datasources.bindings;

import java.util.Map;
import java.util.TreeMap;

/**
 * A counter of requests: a histogram's {@code _count} or a separate counter such as
 * {@code istio_requests_total}.
 *
 * @param metric the full series name, {@code …_count} or {@code …_total}
 * @param status the outcome label; null when the source has none (no error share then)
 */
public record RequestCountBinding(String metric, ServiceLabel service, String route, StatusLabel status,
                                  Map<String, String> fixed) implements Binding {
    public RequestCountBinding {
        Names.requireMetric(metric);
        if (route != null) {
            Names.requireLabel(route);
        }
        fixed = Map.copyOf(fixed == null ? Map.of() : fixed);
        fixed.keySet().forEach(Names::requireLabel);
    }

    @Override
    public SemanticInput input() {
        return SemanticInput.REQUEST_COUNT;
    }

    @Override
    public String describe() {
        return metric + Describe.labels(service, route, status) + Describe.fixed(new TreeMap<>(fixed));
    }
}
