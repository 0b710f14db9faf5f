package io.vigia.app.gui;

import javafx.application.Application;

import java.nio.file.Path;

/** Starts the JavaFX application on a workspace; returns its exit status when the last window closes. */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    /** @param dashboard the uid of a dashboard to open at start, or null */
    public static int launch(Path workspace, String dashboard) {
        VigiaApplication.workspaceToOpen(workspace, dashboard);
        Application.launch(VigiaApplication.class);
        return VigiaApplication.exitStatus();
    }
}
