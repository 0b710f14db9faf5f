package io.vigia.views.ask;


import io.vigia.views.shell.MainWindow;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Ctrl+K Ask dialog: a question field, the proposed plan (steps, the guard's verdicts, notes)
 * before anything runs, Run, and the answer's numbers with the queries behind them. A window of
 * its own beside the main one, so the question stays while the user looks at Explore or a
 * dashboard it opened. Every text is put into labels: nothing is parsed as markup.
 */
public final class AskDialog {
    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final AskDialogViewModel vm;
    private final Supplier<Window> owner;
    private Stage stage;
    private TextField question;

    public AskDialog(AskDialogViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.owner = owner;
    }

    public AskDialogViewModel viewModel() {
        return vm;
    }

    /** Shows the dialog (building it the first time) with the question selected for typing over. */
    public void show() {
        if (stage == null) {
            stage = build();
        }
        vm.opened();
        stage.show();
        stage.toFront();
        question.requestFocus();
        question.selectAll();
    }

    /** The dialog's scene once it was shown, for tests. */
    public Optional<Scene> scene() {
        return Optional.ofNullable(stage).map(Stage::getScene);
    }

    public void close() {
        vm.cancel();
        if (stage != null) {
            stage.close();
        }
    }

    private Stage build() {
        Stage s = new Stage();
        Window w = owner.get();
        if (w != null) {
            s.initOwner(w);
        }
        s.setTitle("Ask Vigia");
        question = new TextField();
        question.setId("ask-question");
        question.setPromptText("p95 of payments after the last deploy");
        question.textProperty().bindBidirectional(vm.questionProperty());
        question.setOnAction(e -> vm.plan());
        HBox.setHgrow(question, Priority.ALWAYS);
        Button plan = button("ask-plan", "Plan", vm::plan);
        plan.disableProperty().bind(vm.busyProperty());
        Label hint = new Label("Enter proposes a plan of read-only steps; nothing runs until you press Run (Ctrl+Enter).");
        hint.getStyleClass().add("page-subtitle");
        hint.setWrapText(true);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("ask-progress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("ask-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox statusRow = new HBox(8, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        Label planTitle = heading("ask-plan-title");
        planTitle.textProperty().bind(vm.planTitleProperty());
        VBox stepsBox = new VBox(4);
        stepsBox.setId("ask-steps");
        VBox notesBox = new VBox(2);
        notesBox.setId("ask-notes");
        vm.steps().addListener((ListChangeListener<AskDialogViewModel.StepLine>) c -> fillSteps(stepsBox));
        vm.notes().addListener((ListChangeListener<String>) c -> fillNotes(notesBox));

        Button run = button("ask-run", "Run", vm::run);
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.canRunProperty().not().or(vm.busyProperty()));
        Button explore = button("ask-explore", "Open in Explore", vm::openInExplore);
        explore.disableProperty().bind(vm.canExploreProperty().not());
        Button dashboard = button("ask-dashboard", "Open dashboard", vm::openDashboard);
        dashboard.disableProperty().bind(vm.canOpenDashboardProperty().not());
        Button cancel = button("ask-cancel", "Cancel", vm::cancel);
        cancel.disableProperty().bind(vm.busyProperty().not());
        HBox actions = new HBox(8, run, explore, dashboard, cancel);

        VBox answerBox = new VBox(12);
        answerBox.setId("ask-answer");
        vm.answer().addListener((ListChangeListener<AnswerBlock>) c -> fillAnswer(answerBox));
        ImageView chart = new ImageView();
        chart.setId("ask-chart");
        chart.setPreserveRatio(true);
        chart.setFitWidth(760);
        chart.managedProperty().bind(chart.imageProperty().isNotNull());
        vm.chartProperty().addListener((o, a, png) -> chart.setImage(png == null ? null : new Image(new ByteArrayInputStream(png))));

        VBox body = new VBox(10, planTitle, stepsBox, notesBox, actions, chart, answerBox);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox root = new VBox(10, new HBox(8, question, plan), hint, statusRow, scroll);
        root.getStyleClass().addAll("page", "ask-dialog");
        Scene scene = new Scene(root, 820, 620);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                // Escape in a step's editor closes the editor (its own handler), elsewhere the window
                if (!inStepEditor(scene.getFocusOwner())) {
                    s.hide();
                    e.consume();
                }
            } else if (RUN.match(e)) {
                vm.run();
                e.consume();
            }
        });
        s.setScene(scene);
        return s;
    }

    private static boolean inStepEditor(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at instanceof StepEditor) {
                return true;
            }
        }
        return false;
    }

    private void fillSteps(VBox box) {
        box.getChildren().clear();
        int i = 1;
        for (AskDialogViewModel.StepLine line : vm.steps()) {
            int index = i - 1;
            Label step = wrapped((i++) + ". " + line.text());
            step.getStyleClass().add("ask-step");
            if (line.edit() == null) {
                box.getChildren().add(step);
            } else {
                // a query step can be changed before it runs: its expression and range, checked again by the guard
                Button edit = new Button("Edit");
                edit.setId("ask-edit-open-" + index);
                edit.disableProperty().bind(vm.busyProperty());
                edit.setMinWidth(Region.USE_PREF_SIZE); // the step's text wraps; the button keeps its word
                HBox row = new HBox(8, step, edit);
                HBox.setHgrow(step, Priority.ALWAYS);
                row.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(row);
                edit.setOnAction(e -> {
                    int at = box.getChildren().indexOf(row) + 1;
                    if (at < box.getChildren().size() && box.getChildren().get(at) instanceof StepEditor) {
                        return;
                    }
                    box.getChildren().add(at, new StepEditor(index, line.edit(), q -> vm.edit(index, q)));
                });
            }
            if (!line.refusal().isEmpty()) {
                Label refused = wrapped("refused: " + line.refusal());
                refused.getStyleClass().add("ask-refused");
                box.getChildren().add(refused);
            }
        }
    }

    private void fillNotes(VBox box) {
        box.getChildren().clear();
        vm.notes().forEach(n -> box.getChildren().add(wrapped("note: " + n)));
    }

    private void fillAnswer(VBox box) {
        box.getChildren().clear();
        int index = 0;
        for (AnswerBlock b : vm.answer()) {
            box.getChildren().add(block(b, index++));
        }
    }

    private static Node block(AnswerBlock b, int index) {
        Label heading = wrapped(b.heading());
        heading.getStyleClass().add("report-heading");
        VBox out = new VBox(6, heading);
        out.setId("ask-answer-" + index);
        if (!b.columns().isEmpty()) {
            GridPane table = new GridPane();
            table.setId("ask-table-" + index);
            table.setHgap(16);
            table.setVgap(2);
            for (int c = 0; c < b.columns().size(); c++) {
                Label h = new Label(b.columns().get(c));
                h.getStyleClass().add("help-keys");
                table.add(h, c, 0);
            }
            for (int r = 0; r < b.rows().size(); r++) {
                for (int c = 0; c < b.rows().get(r).size(); c++) {
                    Label cell = new Label(b.rows().get(r).get(c));
                    cell.setId("ask-cell-" + index + "-" + r + "-" + c);
                    table.add(cell, c, r + 1);
                }
            }
            out.getChildren().add(table);
        }
        b.notes().forEach(n -> out.getChildren().add(wrapped(n)));
        if (!b.queries().isEmpty()) {
            out.getChildren().add(new Label(b.queries().size() == 1 ? "Query:" : "Queries:"));
            for (String q : b.queries()) {
                Label query = wrapped(q);
                query.getStyleClass().add("ask-query");
                out.getChildren().add(query);
            }
        }
        return out;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static Label heading(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("report-heading");
        l.setWrapText(true);
        return l;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
