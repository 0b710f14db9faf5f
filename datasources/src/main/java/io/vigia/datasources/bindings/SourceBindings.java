package io.vigia.datasources.bindings;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every input of one data source, as probed (and overridden). The dashboards step asks it for the
 * typed binding of the input a panel needs and hands that to a query generator.
 */
public record SourceBindings(String source, Instant probedAt, Map<SemanticInput, BoundInput> inputs) {
    public SourceBindings {
        EnumMap<SemanticInput, BoundInput> all = new EnumMap<>(SemanticInput.class);
        for (SemanticInput i : SemanticInput.values()) {
            all.put(i, BoundInput.unbound(i, List.of(), "not probed yet"));
        }
        all.putAll(inputs);
        inputs = java.util.Collections.unmodifiableMap(all);
    }

    public BoundInput input(SemanticInput input) {
        return inputs.get(input);
    }

    public Optional<LatencyBinding> latency() {
        return typed(SemanticInput.REQUEST_LATENCY, LatencyBinding.class);
    }

    public Optional<RequestCountBinding> requests() {
        return typed(SemanticInput.REQUEST_COUNT, RequestCountBinding.class);
    }

    public Optional<DeploySignals> deploys() {
        return typed(SemanticInput.DEPLOY_SIGNAL, DeploySignals.class);
    }

    public Optional<RestartBinding> restarts() {
        return typed(SemanticInput.PROCESS_RESTARTS, RestartBinding.class);
    }

    public Optional<GuardrailBinding> guardrails() {
        return typed(SemanticInput.GUARDRAIL_DECISIONS, GuardrailBinding.class);
    }

    public Optional<FeatureBinding> features() {
        return typed(SemanticInput.MODEL_INPUT_FEATURES, FeatureBinding.class);
    }

    public Optional<CopilotBinding> copilot() {
        return typed(SemanticInput.COPILOT_SUGGESTIONS, CopilotBinding.class);
    }

    private <T extends Binding> Optional<T> typed(SemanticInput input, Class<T> type) {
        return inputs.get(input).binding().map(type::cast);
    }
}
