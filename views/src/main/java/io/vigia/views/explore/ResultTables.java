package io.vigia.views.explore;

import io.vigia.dashboards.chart.InertText;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Fills the table view (one column per label, then the value) and the logs view (time, stream, line). */
final class ResultTables {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private ResultTables() {
    }

    static void fillTable(TableView<ExploreResult.Row> table, ExploreResult r, ZoneId zone) {
        List<TableColumn<ExploreResult.Row, String>> cols = new ArrayList<>();
        cols.add(column("Time", row -> time(row.timestamp(), zone)));
        for (String label : r.labelColumns()) {
            cols.add(column(label, row -> InertText.of(row.labels().has(label) ? row.labels().get(label) : "")));
        }
        TableColumn<ExploreResult.Row, String> value = column("Value", ExploreResult.Row::value);
        value.getStyleClass().add("explore-value-column");
        cols.add(value);
        table.getColumns().setAll(cols);
        table.getItems().setAll(r.rows());
    }

    static void fillLogs(TableView<ExploreResult.LogRow> table, ExploreResult r, ZoneId zone) {
        if (table.getColumns().isEmpty()) {
            TableColumn<ExploreResult.LogRow, String> time = column("Time", row -> time(row.timestamp(), zone));
            time.setPrefWidth(180);
            TableColumn<ExploreResult.LogRow, String> stream = column("Stream", row -> InertText.of(row.stream().toString()));
            stream.setPrefWidth(220);
            // the line is attacker-controlled text: shown escaped (InertText), in a plain cell, never parsed
            TableColumn<ExploreResult.LogRow, String> line = column("Line", row -> InertText.of(row.line()));
            line.setPrefWidth(900);
            table.getColumns().setAll(List.of(time, stream, line));
        }
        table.getItems().setAll(r.logs());
    }

    private static <R> TableColumn<R, String> column(String title, java.util.function.Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    static String time(long ms, ZoneId zone) {
        return TIME.format(Instant.ofEpochMilli(ms).atZone(zone));
    }
}
