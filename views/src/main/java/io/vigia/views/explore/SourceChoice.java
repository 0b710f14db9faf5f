package io.vigia.views.explore;

import io.vigia.dashboards.model.QueryLanguage;

/** A source Explore can query: its name in the catalog and the language it speaks. */
public record SourceChoice(String name, QueryLanguage language) {
    @Override
    public String toString() {
        return language == QueryLanguage.LOGQL ? name + " (Loki, LogQL)" : name + " (PromQL)";
    }
}
