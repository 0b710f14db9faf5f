package io.vigia.datasources.bindings.catalog;

import io.vigia.datasources.bindings.Names;

/** Counters of code suggestions. */
public record CopilotConvention(String id, String title, int rank, String shown, String accepted, String linesSuggested,
                                String linesAccepted, String team, String source) {
    public CopilotConvention {
        Entries.require(id, title, source);
        Names.requireMetric(shown);
        Names.requireMetric(accepted);
    }
}
