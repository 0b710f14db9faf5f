package io.vigia.datasources.bindings.catalog;

import io.vigia.datasources.bindings.DeploySignalKind;
import io.vigia.datasources.bindings.Names;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A series family that shows deploys.
 *
 * @param metric        an exact metric name; null when {@code metricPattern} is given
 * @param metricPattern a regex over metric names ({@code *_build_info})
 * @param version       the version-like label; null for step signals
 * @param service       labels that may name the service, in order of preference
 * @param scope         labels that tell same-named services apart (namespace)
 */
public record DeployConvention(String id, String title, int rank, DeploySignalKind kind, String metric, String metricPattern,
                               String version, List<String> service, List<String> scope, Map<String, String> fixed,
                               String note, String source) {
    public DeployConvention {
        Entries.require(id, title, source);
        if (kind == null) {
            throw new IllegalArgumentException(id + ": no kind");
        }
        if ((metric == null) == (metricPattern == null)) {
            throw new IllegalArgumentException(id + ": give exactly one of metric and metricPattern");
        }
        if (metric != null) {
            Names.requireMetric(metric);
        } else {
            Pattern.compile(metricPattern);
        }
        service = List.copyOf(service == null ? List.of() : service);
        scope = List.copyOf(scope == null ? List.of() : scope);
        fixed = Map.copyOf(fixed == null ? Map.of() : fixed);
    }
}
