package io.vigia.dashboards.model;

/** A source a panel or Explore can query: its name in the catalog and the language it speaks. */
public record SourceChoice(String name, QueryLanguage language) {
    @Override
    public String toString() {
        return language == QueryLanguage.LOGQL ? name + " (Loki, LogQL)" : name + " (PromQL)";
    }
}
