package io.vigia.persistence.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a workspace lives when the user names none: the platform's per-user data directory. */
public final class WorkspaceLocation {
    public static final String FILE_NAME = "workspace.vigia";

    private WorkspaceLocation() {
    }

    public static Path defaultFile() {
        return defaultDirectory(System.getProperty("os.name"), System.getenv(), System.getProperty("user.home"))
                .resolve(FILE_NAME);
    }

    /** {@code $XDG_DATA_HOME/vigia}, {@code %APPDATA%\Vigia} or {@code ~/Library/Application Support/Vigia}. */
    static Path defaultDirectory(String osName, Map<String, String> env, String home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Path.of(appData, "Vigia")
                    : Path.of(home, "AppData", "Roaming", "Vigia");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Vigia");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "vigia");
        }
        return Path.of(home, ".local", "share", "vigia");
    }
}
