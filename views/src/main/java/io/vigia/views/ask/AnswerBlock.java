package io.vigia.views.ask;

import java.util.List;

/**
 * One step's answer as the dialog shows it: a heading, a table of numbers (possibly empty), the
 * exact queries that gave them, and notes. All strings are already inert text
 * ({@link io.vigia.dashboards.chart.InertText}); the view puts them into labels only.
 */
public record AnswerBlock(String heading, List<String> columns, List<List<String>> rows, List<String> queries,
                          List<String> notes) {
    public AnswerBlock {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        queries = List.copyOf(queries);
        notes = List.copyOf(notes);
    }
}
