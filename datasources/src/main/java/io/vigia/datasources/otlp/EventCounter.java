package io.vigia.datasources.otlp;

import io.vigia.persistence.series.Labels;

import java.util.Map;
import java.util.Set;

/**
 * Counts events (log records that carry an event name, and span events) as
 * {@code vigia_otel_events_total{event_name, job, instance, ...}}. Only attributes that describe
 * an outcome become labels (decision, tool, success, model, ...): identifiers (session, prompt,
 * request, user), free text and content never do, so a label set stays small and nothing said
 * to an assistant is stored here. Known assistant events also count toward
 * {@link AssistantSeries}.
 */
final class EventCounter {
    static final String METRIC = "vigia_otel_events_total";

    /**
     * Attribute keys kept as labels, each read from the events' documentation or emitting code:
     * Claude Code's {@code tool_decision} ({@code decision}, {@code source}, {@code tool_name}),
     * {@code tool_result} ({@code success}, {@code decision_type}, {@code decision_source}),
     * {@code api_request}/{@code api_error} ({@code model}, {@code status_code}); Copilot Chat's
     * {@code copilot_chat.edit.feedback} and {@code .edit.hunk.action} ({@code outcome},
     * {@code language_id}, {@code edit_surface}, {@code participant}), {@code copilot_chat.tool.call}
     * ({@code gen_ai.tool.name}, {@code success}, {@code error.type}), {@code copilot_chat.user.feedback}
     * ({@code rating}); the GenAI semantic conventions' {@code gen_ai.client.inference.operation.details}
     * ({@code gen_ai.operation.name}, {@code gen_ai.request.model}, {@code gen_ai.provider.name});
     * the Copilot CLI span events ({@code github.copilot.shutdown_type}, {@code github.copilot.abort_reason}).
     */
    static final Set<String> LABEL_KEYS = Set.of(
            "decision", "source", "tool_name", "success", "decision_type", "decision_source", "model", "status_code",
            "outcome", "language_id", "edit_surface", "participant", "rating",
            "gen_ai.tool.name", "gen_ai.operation.name", "gen_ai.request.model", "gen_ai.provider.name", "error.type",
            "github.copilot.shutdown_type", "github.copilot.abort_reason",
            // set by LogsTranslator on records without an event name
            "severity");

    private final OwnedCounters counters;

    EventCounter(OwnedCounters counters) {
        this.counters = counters;
    }

    void count(ResourceTarget target, String event, Map<String, String> attributes, long t) {
        Labels.Builder b = Labels.builder().set(Labels.METRIC_NAME, METRIC).set("event_name", event);
        attributes.forEach((k, v) -> {
            if (LABEL_KEYS.contains(k)) {
                b.set(PrometheusNaming.labelName(k), v);
            }
        });
        target.setTarget(b);
        counters.add(b.build(), t, 1);
        Labels.Builder derived = AssistantSeries.forEvent(event, attributes);
        if (derived != null) {
            counters.add(derived.set("assistant", MetricsTranslator.assistant(target)).build(), t, 1);
        }
    }
}
