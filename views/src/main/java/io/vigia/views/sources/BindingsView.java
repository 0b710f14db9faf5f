package io.vigia.views.sources;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Function;

/**
 * "What Vigia found": the inputs of the built-in dashboards with the binding in use for each, and
 * for the selected input its candidates with their scores, what is missing, and the notes; buttons
 * to use another candidate, clear the user's choice, or probe again.
 */
public final class BindingsView extends VBox {
    private final BindingsViewModel vm;

    public BindingsView(BindingsViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(8, 0, 0, 0));
        setId("bindings-view");
        Label title = new Label();
        title.getStyleClass().add("title-4");
        title.textProperty().bind(Bindings.concat("What Vigia found in ", vm.sourceProperty()));
        Label probed = new Label();
        probed.textProperty().bind(vm.probedAtProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button reprobe = new Button("Probe again");
        reprobe.setId("bindings-reprobe");
        reprobe.setOnAction(e -> vm.reprobe());
        HBox head = new HBox(8, title, probed, grow, reprobe);

        TableView<BindingsViewModel.InputRow> inputs = new TableView<>(vm.inputs());
        inputs.setId("bindings-inputs");
        inputs.getColumns().add(column("Input", r -> r.input().name()));
        inputs.getColumns().add(column("In use", r -> r.chosen().isEmpty() ? "—" : r.chosen()));
        inputs.getColumns().add(column("From", BindingsViewModel.InputRow::originText));
        inputs.getColumns().add(column("Missing / notes", r -> r.missing().isEmpty() ? String.join("; ", r.notes()) : r.missing()));
        inputs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        inputs.setPrefHeight(220);
        inputs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && inputs.getSelectionModel().getSelectedItem() != b) {
                inputs.getSelectionModel().select(b);
            }
        });

        TableView<BindingsViewModel.CandidateRow> candidates = new TableView<>();
        candidates.setId("bindings-candidates");
        candidates.getColumns().add(column("Candidate", BindingsViewModel.CandidateRow::describe));
        candidates.getColumns().add(column("Convention", BindingsViewModel.CandidateRow::convention));
        candidates.getColumns().add(column("Score", BindingsViewModel.CandidateRow::score));
        candidates.getColumns().add(column("Data", r -> (r.hasData() ? "yes" : "no") + (r.inUse() ? " · in use" : "")));
        candidates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        candidates.setPrefHeight(160);
        candidates.setPlaceholder(new Label("No candidate for this input"));
        vm.selectedProperty().addListener((o, a, b) -> candidates.getItems().setAll(b == null ? java.util.List.of() : b.candidates()));

        Button use = new Button("Use this candidate");
        use.setId("bindings-use");
        use.disableProperty().bind(candidates.getSelectionModel().selectedItemProperty().isNull());
        use.setOnAction(e -> vm.choose(candidates.getSelectionModel().getSelectedItem()));
        Button clear = new Button("Clear my choice");
        clear.setId("bindings-clear");
        clear.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || !vm.selectedProperty().get().overridden(), vm.selectedProperty()));
        clear.setOnAction(e -> vm.clearOverride());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        getChildren().addAll(head, inputs, new Label("Candidates for the selected input"), candidates, new HBox(8, use, clear, status));
    }

    public BindingsViewModel viewModel() {
        return vm;
    }

    private static <T> TableColumn<T, String> column(String name, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
