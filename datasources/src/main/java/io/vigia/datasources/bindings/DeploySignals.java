package io.vigia.datasources.bindings;

import java.util.List;

/** Every series family of a source that shows deploys, best first; a deploy may show in several. */
public record DeploySignals(List<DeploySignal> signals) implements Binding {
    public DeploySignals {
        signals = List.copyOf(signals);
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("a deploy binding needs at least one signal");
        }
    }

    @Override
    public SemanticInput input() {
        return SemanticInput.DEPLOY_SIGNAL;
    }

    @Override
    public String describe() {
        return String.join("; ", signals.stream().map(DeploySignal::describe).toList());
    }
}
