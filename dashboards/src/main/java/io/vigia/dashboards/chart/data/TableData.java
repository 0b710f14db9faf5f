package io.vigia.dashboards.chart.data;

import java.util.List;

/** A table: column headers with alignment, and rows of already formatted cells. */
public record TableData(List<Column> columns, List<List<String>> rows) {

    public TableData {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    public enum Align { LEFT, RIGHT }

    public record Column(String header, Align align) {
    }
}
