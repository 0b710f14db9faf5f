package io.vigia.datasources.copilot.usage;

import java.util.Map;

/**
 * Where a Copilot activity happened, grouped from the {@code feature} values GitHub documents
 * (github/docs copilot-usage-metrics.md, "Breakdown dimension values"): inline completions, chat
 * (inline chat and the chat panel's ask, edit, plan and unknown modes), agents (the panel's agent
 * mode, custom agents, and agent_edit, the lines agents write into files; GitHub's code
 * generation dashboard counts agent, edit and custom modes as agent-initiated lines), the Copilot
 * CLI, and anything else ("others", features GitHub adds later).
 */
public enum CopilotSurface {
    COMPLETIONS("completions"),
    CHAT("chat"),
    AGENT("agent"),
    CLI("cli"),
    OTHER("other");

    private static final Map<String, CopilotSurface> BY_FEATURE = Map.ofEntries(
            Map.entry("code_completion", COMPLETIONS),
            Map.entry("chat_inline", CHAT),
            Map.entry("chat_panel_ask_mode", CHAT),
            Map.entry("chat_panel_edit_mode", CHAT),
            Map.entry("chat_panel_plan_mode", CHAT),
            Map.entry("chat_panel_unknown_mode", CHAT),
            Map.entry("chat_panel_agent_mode", AGENT),
            Map.entry("chat_panel_custom_mode", AGENT),
            Map.entry("agent_edit", AGENT),
            Map.entry("copilot_cli", CLI));

    private final String label;

    CopilotSurface(String label) {
        this.label = label;
    }

    /** The value of the {@code surface} label on series broken down by feature. */
    public String label() {
        return label;
    }

    public static CopilotSurface ofFeature(String feature) {
        return BY_FEATURE.getOrDefault(feature, OTHER);
    }
}
