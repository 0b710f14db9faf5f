package io.vigia.views.dashboards.whatchanged;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Function;

/**
 * "What changed here" beside the panels: what was compared, the ranked rows (label, value, share
 * in the baseline and in the region, the change in percentage points, the q-value and whether it
 * is significant, significant rows marked) or the reason nothing could be compared. Escape or
 * Close closes it.
 */
public final class WhatChangedView extends VBox {
    private static final PseudoClass SIGNIFICANT = PseudoClass.getPseudoClass("significant");
    private final TableView<WhatChangedViewModel.Row> table = new TableView<>();

    public WhatChangedView(WhatChangedViewModel vm, Runnable close) {
        getStyleClass().add("what-changed");
        setId("what-changed");
        Label title = new Label();
        title.getStyleClass().add("what-changed-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        Button closeButton = new Button("Close");
        closeButton.setId("what-changed-close");
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, closeButton);
        header.setAlignment(Pos.TOP_LEFT);

        ProgressBar busy = new ProgressBar();
        busy.setMaxWidth(Double.MAX_VALUE);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("what-changed-status");
        status.getStyleClass().add("what-changed-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("what-changed-error");
        error.getStyleClass().add("what-changed-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(vm.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());

        table.setId("what-changed-table");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Label", WhatChangedViewModel.Row::label));
        table.getColumns().add(column("Value", WhatChangedViewModel.Row::value));
        table.getColumns().add(column("Baseline", WhatChangedViewModel.Row::baselineShare));
        table.getColumns().add(column("Region", WhatChangedViewModel.Row::regionShare));
        table.getColumns().add(column("Change", WhatChangedViewModel.Row::change));
        table.getColumns().add(column("q", WhatChangedViewModel.Row::qValue));
        table.getColumns().add(column("Significant", r -> r.significant() ? "yes" : "no"));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(WhatChangedViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(SIGNIFICANT, !empty && item != null && item.significant());
            }
        });
        table.setPlaceholder(new Label("No rows"));
        table.visibleProperty().bind(Bindings.isEmpty(vm.errorProperty()));
        table.managedProperty().bind(table.visibleProperty());
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(header, busy, status, error, table);
        // a filter: the table would take Escape for itself
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
    }

    private static TableColumn<WhatChangedViewModel.Row, String> column(String name,
                                                                        Function<WhatChangedViewModel.Row, String> text) {
        TableColumn<WhatChangedViewModel.Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setSortable(false); // the rows are ranked
        return c;
    }

    /** Moves the keyboard focus to the rows. */
    public void focusRows() {
        table.requestFocus();
    }

    public TableView<WhatChangedViewModel.Row> table() {
        return table;
    }
}
