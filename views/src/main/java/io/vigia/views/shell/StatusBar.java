package io.vigia.views.shell;

import io.vigia.views.tasks.RunningTask;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: workspace, status text, and every running task with its progress and a cancel button. */
public final class StatusBar extends HBox {
    private final HBox tasks = new HBox();

    public StatusBar(MainViewModel vm, ObservableList<RunningTask> running) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label workspace = new Label(vm.workspaceName());
        workspace.getStyleClass().add("status-workspace");
        workspace.setTooltip(new Tooltip("Workspace file"));
        Label status = new Label();
        status.getStyleClass().add("status-text");
        status.textProperty().bind(vm.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        tasks.getStyleClass().add("status-tasks");
        tasks.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(workspace, status, spacer, tasks);
        running.addListener((ListChangeListener<RunningTask>) c -> rebuild(running));
        rebuild(running);
    }

    private void rebuild(ObservableList<RunningTask> running) {
        tasks.getChildren().clear();
        for (RunningTask t : running) {
            Label title = new Label(t.title());
            title.getStyleClass().add("status-task-title");
            ProgressBar bar = new ProgressBar();
            bar.getStyleClass().add("status-task-progress");
            bar.progressProperty().bind(t.progressProperty());
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(t.messageProperty());
            bar.setTooltip(tip);
            Button cancel = new Button("✕");
            cancel.getStyleClass().add("status-task-cancel");
            cancel.setTooltip(new Tooltip("Cancel " + t.title()));
            cancel.setAccessibleText("Cancel " + t.title());
            cancel.setOnAction(e -> t.cancel());
            HBox item = new HBox(title, bar, cancel);
            item.getStyleClass().add("status-task");
            item.setAlignment(Pos.CENTER_LEFT);
            tasks.getChildren().add(item);
        }
    }
}
