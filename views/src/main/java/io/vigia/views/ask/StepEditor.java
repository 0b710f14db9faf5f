package io.vigia.views.ask;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The inline editor of one query step of a plan: its expression and its range in the range
 * picker's grammar ({@code now-7d} to {@code now}). Apply (or Enter) hands the edit to the view
 * model, which checks it again; Escape or Cancel takes the editor out of its parent, unchanged.
 */
final class StepEditor extends VBox {

    StepEditor(int index, AskDialogViewModel.QueryEdit current, Consumer<AskDialogViewModel.QueryEdit> apply) {
        super(4);
        Runnable close = () -> {
            if (getParent() instanceof Pane p) {
                p.getChildren().remove(this);
            }
        };
        getStyleClass().add("ask-step-editor");
        setId("ask-edit-" + index);
        TextField expr = field("ask-edit-expr-" + index, current.expr());
        HBox.setHgrow(expr, Priority.ALWAYS);
        TextField from = field("ask-edit-from-" + index, current.from());
        TextField to = field("ask-edit-to-" + index, current.to());
        from.setPrefColumnCount(10);
        to.setPrefColumnCount(10);
        Runnable submit = () -> apply.accept(new AskDialogViewModel.QueryEdit(expr.getText(), from.getText(), to.getText()));
        Button ok = new Button("Apply");
        ok.setId("ask-edit-apply-" + index);
        ok.setDefaultButton(false);
        ok.setOnAction(e -> submit.run());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> close.run());
        for (TextField f : new TextField[] {expr, from, to}) {
            f.setOnAction(e -> submit.run());
            f.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    close.run();
                    e.consume();
                }
            });
        }
        HBox range = new HBox(6, new Label("from"), from, new Label("to"), to, ok, cancel);
        range.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(new HBox(6, new Label("query"), expr), range);
        expr.requestFocus();
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        return f;
    }
}
