package io.vigia.app.gui;

import io.vigia.app.diagnostics.CrashHandler;
import io.vigia.app.diagnostics.CrashReports;
import javafx.application.Application;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Starts the JavaFX application on a workspace; returns its exit status when the last window closes. */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    /** @param dashboard the uid of a dashboard to open at start, or null */
    public static int launch(Path workspace, String dashboard) {
        return launch(workspace, dashboard, null, p -> { });
    }

    /**
     * @param crashReports where an uncaught exception (the JavaFX thread's included) is reported, or null
     * @param terminal     also told of a crash report (a line on stderr), besides the dialog
     */
    public static int launch(Path workspace, String dashboard, CrashReports crashReports, Consumer<Path> terminal) {
        if (crashReports != null) {
            Thread.setDefaultUncaughtExceptionHandler(new CrashHandler(crashReports, terminal.andThen(new CrashDialog()::show)));
        }
        VigiaApplication.workspaceToOpen(workspace, dashboard);
        Application.launch(VigiaApplication.class);
        return VigiaApplication.exitStatus();
    }
}
