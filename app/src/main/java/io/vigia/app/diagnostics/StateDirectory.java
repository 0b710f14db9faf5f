package io.vigia.app.diagnostics;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Vigia keeps its log files and crash reports: the platform's per-user state directory, as
 * the workspace's default folder is the per-user data directory
 * ({@link io.vigia.persistence.workspace.WorkspaceLocation}).
 */
public final class StateDirectory {
    private StateDirectory() {
    }

    public static Path get() {
        return of(System.getProperty("os.name"), System.getenv(), System.getProperty("user.home"));
    }

    /** {@code $XDG_STATE_HOME/vigia} (~/.local/state/vigia), {@code %LOCALAPPDATA%\Vigia\Logs} or {@code ~/Library/Logs/Vigia}. */
    static Path of(String osName, Map<String, String> env, String home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local != null && !local.isBlank()
                    ? Path.of(local, "Vigia", "Logs")
                    : Path.of(home, "AppData", "Local", "Vigia", "Logs");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Logs", "Vigia");
        }
        String xdg = env.get("XDG_STATE_HOME");
        // as for XDG_DATA_HOME, a relative path is invalid and must be ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "vigia");
        }
        return Path.of(home, ".local", "state", "vigia");
    }
}
