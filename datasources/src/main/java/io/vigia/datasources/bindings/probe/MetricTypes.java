package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.prometheus.MetricMetadata;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.remote.CancellationToken;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metric's declared type ("histogram", "summary", "counter"…) where the source publishes it:
 * Prometheus's {@code /api/v1/metadata}. The workspace store keeps no types; probing then reads the
 * shape from the names alone, which tells everything but a native histogram.
 */
@FunctionalInterface
public interface MetricTypes {

    Optional<String> typeOf(String metric);

    static MetricTypes none() {
        return metric -> Optional.empty();
    }

    /** From a Prometheus server's metadata endpoint, one metric at a time; a failure answers "unknown". */
    static MetricTypes of(PrometheusClient client) {
        return metric -> {
            try {
                Map<String, List<MetricMetadata>> m = client.metadata(metric, 1, CancellationToken.NONE);
                List<MetricMetadata> list = m.get(metric);
                return list == null || list.isEmpty() ? Optional.empty() : Optional.ofNullable(list.getFirst().type());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        };
    }
}
