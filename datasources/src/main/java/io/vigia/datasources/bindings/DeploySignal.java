package io.vigia.datasources.bindings;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One series family that shows deploys.
 *
 * @param versionLabel the label whose value is the version (or image); null for step signals
 * @param serviceLabel the label naming the service; null when the series has none
 * @param scope        labels that, with the service, tell services apart (Kubernetes namespace)
 * @param fixed        label values selected, e.g. {@code phase="Succeeded"}
 */
public record DeploySignal(DeploySignalKind kind, String metric, String versionLabel, String serviceLabel,
                           List<String> scope, Map<String, String> fixed) {
    public DeploySignal {
        Objects.requireNonNull(kind, "kind");
        Names.requireMetric(metric);
        if ((kind == DeploySignalKind.VERSION_LABEL || kind == DeploySignalKind.IMAGE_TAG) == (versionLabel == null)) {
            throw new IllegalArgumentException(kind + " signals " + (versionLabel == null ? "need" : "take no") + " version label");
        }
        if (versionLabel != null) {
            Names.requireLabel(versionLabel);
        }
        if (serviceLabel != null) {
            Names.requireLabel(serviceLabel);
        }
        scope = List.copyOf(scope == null ? List.of() : scope);
        scope.forEach(Names::requireLabel);
        fixed = Map.copyOf(fixed == null ? Map.of() : fixed);
        fixed.keySet().forEach(Names::requireLabel);
    }

    public String describe() {
        return metric + switch (kind) {
            case VERSION_LABEL -> " (" + versionLabel + " changes)";
            case IMAGE_TAG -> " (the tag of " + versionLabel + " changes)";
            case GENERATION_STEP -> " (the generation steps: a rollout or a scale)";
            case SYNC_COUNTER -> " (a sync is counted)";
        } + ", service=" + (serviceLabel == null ? "(none)" : serviceLabel)
                + (scope.isEmpty() ? "" : " within " + String.join(", ", scope))
                + Describe.fixed(new java.util.TreeMap<>(fixed));
    }
}
