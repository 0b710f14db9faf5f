package io.vigia.app.gui;

import javafx.application.Application;

import java.nio.file.Path;

/** Starts the JavaFX application on a workspace; returns its exit status when the last window closes. */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    public static int launch(Path workspace) {
        VigiaApplication.workspaceToOpen(workspace);
        Application.launch(VigiaApplication.class);
        return VigiaApplication.exitStatus();
    }
}
