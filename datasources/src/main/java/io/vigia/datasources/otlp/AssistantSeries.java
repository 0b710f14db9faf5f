package io.vigia.datasources.otlp;

import io.vigia.persistence.series.Labels;

import java.util.Map;

/**
 * The assistants' own metrics and events as one family of counters that Copilot Health can draw
 * from, whichever assistant sent them: {@code vigia_assistant_*_total} with {@code assistant} (the
 * resource's {@code service.name}: {@code claude-code}, {@code copilot-chat}, {@code github-copilot})
 * and only low-cardinality labels (no session, user or request ids). The raw series stay stored
 * under their own Prometheus names as well.
 *
 * <p>Names and attributes read from, each checked in the fixture
 * {@code otlp/assistant-telemetry-names.tsv} (test resources) with where it was read:
 * <ul>
 * <li>Claude Code: the instruments created in {@code installMeter} and the {@code hd(...)} event
 *     calls of the JavaScript bundled in npm {@code @anthropic-ai/claude-code-linux-x64@2.1.332}
 *     ({@code package/claude}): counters {@code claude_code.session.count},
 *     {@code .lines_of_code.count} ({@code type} added/removed, {@code model}),
 *     {@code .pull_request.count}, {@code .commit.count}, {@code .cost.usage} (unit {@code USD},
 *     {@code model}), {@code .token.usage} (unit {@code tokens}; {@code type}
 *     input/output/cacheRead/cacheCreation, {@code model}), {@code .code_edit_tool.decision}
 *     ({@code decision} accept/reject, {@code source}, {@code tool_name}, {@code language}),
 *     {@code .active_time.total} (unit {@code s}); events with body {@code claude_code.<name>} and
 *     attribute {@code event.name} = {@code <name>}.</li>
 * <li>Copilot Chat (VS Code): code.visualstudio.com/docs/agents/guides/monitoring-agents and
 *     microsoft/vscode-copilot-chat {@code src/platform/otel/common/genAiMetrics.ts},
 *     {@code genAiAttributes.ts}: {@code copilot_chat.session.count},
 *     {@code copilot_chat.edit.acceptance.count} ({@code copilot_chat.edit.outcome}
 *     accepted/rejected/saved/unknown, {@code copilot_chat.edit.source},
 *     {@code copilot_chat.language_id}), {@code copilot_chat.lines_of_code.count} ({@code type}),
 *     {@code copilot_chat.pull_request.count}, {@code copilot_chat.tool.call.count}
 *     ({@code gen_ai.tool.name}, {@code success}).</li>
 * <li>Copilot CLI: docs.github.com/copilot/reference/copilot-cli-reference/cli-command-reference,
 *     "OpenTelemetry monitoring": {@code github.copilot.tool.call.count},
 *     {@code github.copilot.code.lines_added}, {@code github.copilot.code.lines_removed}.</li>
 * <li>GenAI semantic conventions (open-telemetry/semantic-conventions model/gen-ai, the
 *     {@code ../shared} corpus copy): {@code gen_ai.client.token.usage} with
 *     {@code gen_ai.token.type} ({@code completion} is the deprecated name of {@code output}).</li>
 * </ul>
 */
final class AssistantSeries {
    static final String SESSIONS = "vigia_assistant_sessions_total";
    static final String LINES = "vigia_assistant_lines_of_code_total";
    static final String EDIT_DECISIONS = "vigia_assistant_edit_decisions_total";
    static final String TOKENS = "vigia_assistant_tokens_total";
    static final String COST = "vigia_assistant_cost_usd_total";
    static final String COMMITS = "vigia_assistant_commits_total";
    static final String PULL_REQUESTS = "vigia_assistant_pull_requests_total";
    static final String ACTIVE_TIME = "vigia_assistant_active_time_seconds_total";
    static final String TOOL_CALLS = "vigia_assistant_tool_calls_total";
    static final String TOOL_DECISIONS = "vigia_assistant_tool_decisions_total";
    static final String PROMPTS = "vigia_assistant_prompts_total";

    private AssistantSeries() {
    }

    /**
     * The assistant series an increase of the OTLP metric {@code metric} counts toward, without
     * {@code assistant}; null when the metric is none of the known ones. For histograms the
     * caller passes the increase of their sum.
     */
    static Labels.Builder forMetric(String metric, Map<String, String> a) {
        return switch (metric) {
            case "claude_code.session.count", "copilot_chat.session.count" -> named(SESSIONS);
            case "claude_code.lines_of_code.count" -> named(LINES).set("type", a.get("type")).set("model", a.get("model"));
            case "copilot_chat.lines_of_code.count" ->
                    named(LINES).set("type", a.get("type")).set("language", a.get("copilot_chat.language_id"));
            case "github.copilot.code.lines_added" -> named(LINES).set("type", "added");
            case "github.copilot.code.lines_removed" -> named(LINES).set("type", "removed");
            case "claude_code.code_edit_tool.decision" -> named(EDIT_DECISIONS)
                    .set("decision", pastTense(a.get("decision"))).set("tool", a.get("tool_name"))
                    .set("language", LanguageIds.of(a.get("language"))).set("source", a.get("source"));
            case "copilot_chat.edit.acceptance.count" -> named(EDIT_DECISIONS)
                    .set("decision", a.get("copilot_chat.edit.outcome")).set("source", a.get("copilot_chat.edit.source"))
                    .set("language", a.get("copilot_chat.language_id"));
            case "claude_code.token.usage" -> named(TOKENS).set("type", tokenType(a.get("type"))).set("model", a.get("model"));
            case "gen_ai.client.token.usage" -> named(TOKENS).set("type", tokenType(a.get("gen_ai.token.type")))
                    .set("model", firstOf(a.get("gen_ai.response.model"), a.get("gen_ai.request.model")));
            case "claude_code.cost.usage" -> named(COST).set("model", a.get("model"));
            case "claude_code.commit.count" -> named(COMMITS);
            case "claude_code.pull_request.count", "copilot_chat.pull_request.count" -> named(PULL_REQUESTS);
            case "claude_code.active_time.total" -> named(ACTIVE_TIME);
            case "copilot_chat.tool.call.count", "github.copilot.tool.call.count" ->
                    named(TOOL_CALLS).set("tool", a.get("gen_ai.tool.name")).set("success", a.get("success"));
            default -> null;
        };
    }

    /** The assistant series one event counts toward (by 1), or null. */
    static Labels.Builder forEvent(String event, Map<String, String> a) {
        return switch (event) {
            case "claude_code.tool_decision" -> named(TOOL_DECISIONS).set("decision", pastTense(a.get("decision")))
                    .set("source", a.get("source")).set("tool", a.get("tool_name"));
            case "claude_code.tool_result" -> named(TOOL_CALLS).set("tool", a.get("tool_name")).set("success", a.get("success"));
            case "claude_code.user_prompt" -> named(PROMPTS);
            default -> null;
        };
    }

    private static Labels.Builder named(String name) {
        return Labels.builder().set(Labels.METRIC_NAME, name);
    }

    /** Claude Code says accept/reject, Copilot Chat accepted/rejected: one vocabulary for both. */
    private static String pastTense(String decision) {
        if (decision == null) {
            return null;
        }
        return switch (decision) {
            case "accept" -> "accepted";
            case "reject" -> "rejected";
            default -> decision;
        };
    }

    /** Claude Code's camelCase token types and the deprecated GenAI {@code completion} as one vocabulary. */
    private static String tokenType(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "cacheRead" -> "cache_read";
            case "cacheCreation" -> "cache_creation";
            case "completion" -> "output";
            default -> type;
        };
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isEmpty() ? a : b;
    }
}
