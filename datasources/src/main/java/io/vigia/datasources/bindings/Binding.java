package io.vigia.datasources.bindings;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What one source really has for one {@link SemanticInput}: the metric, its shape and unit, and
 * which labels carry the service, route, status, decision… Query generators
 * ({@code io.vigia.datasources.bindings.query}) turn a binding into PromQL.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = LatencyBinding.class, name = "latency"),
        @JsonSubTypes.Type(value = RequestCountBinding.class, name = "requests"),
        @JsonSubTypes.Type(value = DeploySignals.class, name = "deploys"),
        @JsonSubTypes.Type(value = RestartBinding.class, name = "restarts"),
        @JsonSubTypes.Type(value = GuardrailBinding.class, name = "guardrails"),
        @JsonSubTypes.Type(value = FeatureBinding.class, name = "features"),
        @JsonSubTypes.Type(value = CopilotBinding.class, name = "copilot")})
public sealed interface Binding permits LatencyBinding, RequestCountBinding, DeploySignals, RestartBinding,
        GuardrailBinding, FeatureBinding, CopilotBinding {

    /** The input this binding answers. */
    SemanticInput input();

    /** One line for people: {@code http_server_requests_seconds (mean only), service=application, route=uri}. */
    String describe();
}
