package io.vigia.datasources.copilot;

/**
 * Code-completion counts of one day for one breakdown cell. An empty editor, language or model
 * means "not broken down by it" in this source (the usage reports give languages and models
 * separately, never crossed with the editor).
 */
public record CompletionCounts(String editor, String language, String model,
                               long suggestions, long acceptances, long linesSuggested, long linesAccepted) {

    public CompletionCounts plus(CompletionCounts o) {
        return new CompletionCounts(editor, language, model, suggestions + o.suggestions, acceptances + o.acceptances,
                linesSuggested + o.linesSuggested, linesAccepted + o.linesAccepted);
    }
}
