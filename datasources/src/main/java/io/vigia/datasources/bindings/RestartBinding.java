package io.vigia.datasources.bindings;

/**
 * A process start time per instance: when it moves, the process restarted. A restart alone is not
 * a deploy; a deploy usually restarts.
 */
public record RestartBinding(String metric, String serviceLabel, String instanceLabel) implements Binding {
    public RestartBinding {
        Names.requireMetric(metric);
        if (serviceLabel != null) {
            Names.requireLabel(serviceLabel);
        }
        Names.requireLabel(instanceLabel);
    }

    @Override
    public SemanticInput input() {
        return SemanticInput.PROCESS_RESTARTS;
    }

    @Override
    public String describe() {
        return metric + ", service=" + (serviceLabel == null ? "(none)" : serviceLabel) + ", instance=" + instanceLabel;
    }
}
