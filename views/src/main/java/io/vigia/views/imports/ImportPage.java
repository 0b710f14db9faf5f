package io.vigia.views.imports;

import io.vigia.datasources.imports.ImportKind;
import io.vigia.views.shell.Page;
import io.vigia.dashboards.chart.InertText;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;

/**
 * The Import page: choose a file (or drop one onto the window), check the detected kind, look at
 * the preview, import with progress and cancel, read the report. Record texts are shown in plain
 * list cells (no markup is interpreted) after {@link ImportViewModel} made them inert.
 */
public final class ImportPage implements Page {
    public static final String ID = "import";
    private final ImportViewModel vm;
    private VBox view;

    public ImportPage(ImportViewModel vm) {
        this.vm = vm;
    }

    public ImportViewModel viewModel() {
        return vm;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Import";
    }

    @Override
    public String description() {
        return "Import SARIF, guardrail logs, accepted suggestions, Copilot metrics or OpenMetrics files";
    }

    @Override
    public Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    /**
     * Lets files dropped anywhere on the window be imported: {@code show} brings this page to the
     * front, then the first file is opened.
     */
    public void acceptDropsOn(Scene scene, Runnable show) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && !vm.runningProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty() && !vm.runningProperty().get()) {
                show.run();
                vm.open(files.getFirst().toPath());
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    private VBox build() {
        Label title = new Label("Import");
        title.getStyleClass().add("page-title");

        Button choose = new Button("Choose file…");
        choose.setId("import-choose");
        choose.disableProperty().bind(vm.runningProperty());
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import a file");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Supported files", "*.sarif", "*.json", "*.jsonl", "*.ndjson", "*.txt", "*.om", "*.prom"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(choose.getScene() == null ? null : choose.getScene().getWindow());
            if (f != null) {
                vm.open(f.toPath());
            }
        });
        Label fileName = new Label();
        fileName.setId("import-file");
        fileName.textProperty().bind(vm.fileProperty().map(p -> InertText.of(p.toString())).orElse("or drop a file onto the window"));
        HBox fileRow = new HBox(8, choose, fileName);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        fileRow.getStyleClass().add("import-row");

        ComboBox<ImportKind> kind = new ComboBox<>();
        kind.setId("import-kind");
        kind.getItems().setAll(ImportKind.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.disableProperty().bind(vm.runningProperty());
        Label detected = new Label();
        detected.setId("import-detected");
        detected.textProperty().bind(vm.detectedProperty());
        TextField scope = new TextField();
        scope.setId("import-scope");
        scope.setPromptText("organization, enterprise or team");
        scope.textProperty().bindBidirectional(vm.scopeProperty());
        Label scopeLabel = new Label("Scope");
        scopeLabel.visibleProperty().bind(vm.scopeNeededBinding());
        scopeLabel.managedProperty().bind(vm.scopeNeededBinding());
        scope.visibleProperty().bind(vm.scopeNeededBinding());
        scope.managedProperty().bind(vm.scopeNeededBinding());
        HBox kindRow = new HBox(8, new Label("Kind"), kind, detected, scopeLabel, scope);
        kindRow.setAlignment(Pos.CENTER_LEFT);
        kindRow.getStyleClass().add("import-row");

        Label summary = new Label();
        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());

        ListView<String> records = new ListView<>(vm.previewRecords());
        records.setId("import-preview");
        records.setPlaceholder(new Label("No preview yet"));
        VBox.setVgrow(records, Priority.ALWAYS);
        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("import-problems");
        problems.setPlaceholder(new Label("No rejected lines"));
        problems.setPrefHeight(140);

        Button run = new Button("Import");
        run.setId("import-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.canImportBinding().not());
        run.setOnAction(e -> vm.importNow());
        Button cancel = new Button("Cancel");
        cancel.setId("import-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("import-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        HBox actions = new HBox(8, run, cancel, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("import-row");

        VBox page = new VBox(8, title, fileRow, kindRow, summary, new Label("Preview"), records,
                new Label("Rejected lines"), problems, actions);
        page.getStyleClass().addAll("page", "import-page");
        return page;
    }
}
