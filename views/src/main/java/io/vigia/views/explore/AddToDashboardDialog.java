package io.vigia.views.explore;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Asks where the panel goes: a stored dashboard or a new one, and the panel's title. */
final class AddToDashboardDialog {
    /** The answer: {@code target} null for a new dashboard titled {@code newTitle}. */
    record Choice(DashboardAppender.Target target, String newTitle, String panelTitle) {
    }

    private static final DashboardAppender.Target NEW = new DashboardAppender.Target("", "New dashboard…");

    private AddToDashboardDialog() {
    }

    static Optional<Choice> ask(Window owner, List<DashboardAppender.Target> dashboards, String expr) {
        Dialog<Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Add to dashboard");
        d.setHeaderText("Add this query as a panel");
        List<DashboardAppender.Target> items = new ArrayList<>();
        items.add(NEW);
        items.addAll(dashboards);
        ComboBox<DashboardAppender.Target> target = new ComboBox<>();
        target.getItems().setAll(items);
        target.getSelectionModel().selectFirst();
        target.setId("explore-add-target");
        TextField newTitle = new TextField("Explore");
        newTitle.setId("explore-add-new-title");
        newTitle.disableProperty().bind(target.valueProperty().isNotEqualTo(NEW));
        TextField panelTitle = new TextField(DashboardAppender.titleFor(expr));
        panelTitle.setId("explore-add-panel-title");
        panelTitle.setPrefColumnCount(36);
        target.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        grid.addRow(0, new Label("Dashboard"), target);
        grid.addRow(1, new Label("New dashboard's title"), newTitle);
        grid.addRow(2, new Label("Panel title"), panelTitle);
        d.getDialogPane().setContent(grid);
        ButtonType add = new ButtonType("Add panel", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        d.setResultConverter(b -> b == add ? new Choice(target.getValue() == NEW ? null : target.getValue(),
                newTitle.getText(), panelTitle.getText()) : null);
        return d.showAndWait();
    }
}
