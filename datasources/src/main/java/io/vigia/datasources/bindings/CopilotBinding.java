package io.vigia.datasources.bindings;

/** Counters of code suggestions; lines may be absent (null). */
public record CopilotBinding(String shown, String accepted, String linesSuggested, String linesAccepted, String teamLabel)
        implements Binding {
    public CopilotBinding {
        Names.requireMetric(shown);
        Names.requireMetric(accepted);
        if (linesSuggested != null) {
            Names.requireMetric(linesSuggested);
        }
        if (linesAccepted != null) {
            Names.requireMetric(linesAccepted);
        }
        if (teamLabel != null) {
            Names.requireLabel(teamLabel);
        }
    }

    @Override
    public SemanticInput input() {
        return SemanticInput.COPILOT_SUGGESTIONS;
    }

    @Override
    public String describe() {
        return shown + " / " + accepted + (linesSuggested == null ? "" : ", lines " + linesSuggested + " / " + linesAccepted)
                + ", team=" + (teamLabel == null ? "(none)" : teamLabel);
    }
}
