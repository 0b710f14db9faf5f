package io.vigia.app;

import io.vigia.app.cli.VigiaCommand;
import io.vigia.app.diagnostics.CrashReports;
import io.vigia.app.diagnostics.LogFile;
import io.vigia.app.diagnostics.StateDirectory;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Entry point of {@code ./vigia} and of the installed launcher. Not a JavaFX
 * {@code Application}, so that the CLI runs headless without the toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // the log file and crash reports live in the per-user state directory, both owner-only
        Path state = StateDirectory.get();
        LogFile.attach(state);
        System.exit(VigiaCommand.run(new CrashReports(state, VigiaVersion.get(), Clock.systemUTC()), args));
    }
}
