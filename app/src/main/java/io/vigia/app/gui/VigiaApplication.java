package io.vigia.app.gui;

import io.vigia.persistence.workspace.Workspace;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The composition root of the GUI. */
public final class VigiaApplication extends Application {
    // Application.launch instantiates this class itself; the launcher hands the path over here.
    private static volatile Path workspacePath;

    static void workspaceToOpen(Path path) {
        workspacePath = path;
    }

    private Workspace workspace;

    @Override
    public void start(Stage stage) {
        workspace = Workspace.open(workspacePath);
        stage.setTitle("Vigia — " + workspace.file());
        stage.setScene(new Scene(new Label("Vigia"), 1280, 800));
        stage.show();
    }

    @Override
    public void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }
}
