package io.vigia.datasources.bindings;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** How a source counts guardrail decisions. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "shape")
@JsonSubTypes({@JsonSubTypes.Type(value = GuardrailDecisions.Labelled.class, name = "labelled"),
        @JsonSubTypes.Type(value = GuardrailDecisions.SeparateCounters.class, name = "separate")})
public sealed interface GuardrailDecisions {

    /**
     * One counter, the decision in a label: {@code vigia_guardrail_decisions_total{decision}},
     * LiteLLM's {@code status}, LLM Guard's {@code valid}.
     *
     * @param blocked label values that mean "blocked"
     * @param allowed label values that mean "passed"; anything else is neither (redacted, flagged)
     */
    record Labelled(String metric, String label, List<String> blocked, List<String> allowed) implements GuardrailDecisions {
        public Labelled {
            Names.requireMetric(metric);
            Names.requireLabel(label);
            blocked = List.copyOf(blocked);
            allowed = List.copyOf(allowed == null ? List.of() : allowed);
            if (blocked.isEmpty()) {
                throw new IllegalArgumentException("a decision label needs at least one value that means blocked");
            }
        }
    }

    /** A counter of blocked requests beside a counter of all requests (NeMo Guardrails). */
    record SeparateCounters(String blockedMetric, String totalMetric) implements GuardrailDecisions {
        public SeparateCounters {
            Names.requireMetric(blockedMetric);
            Names.requireMetric(totalMetric);
        }
    }
}
