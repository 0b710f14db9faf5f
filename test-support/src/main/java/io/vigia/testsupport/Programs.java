package io.vigia.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds installed programs on the {@code PATH} and knows which Debian package brings each. */
public final class Programs {
    /** Program → Debian/Ubuntu package, for the "how to get it" half of a skip reason. */
    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("prometheus", "prometheus"),
            Map.entry("promtool", "prometheus"),
            Map.entry("victoria-metrics", "victoria-metrics"),
            Map.entry("pdftotext", "poppler-utils"),
            Map.entry("pdftoppm", "poppler-utils"),
            Map.entry("pdfinfo", "poppler-utils"),
            Map.entry("pdffonts", "poppler-utils"),
            Map.entry("openssl", "openssl"),
            Map.entry("dbus-run-session", "dbus-daemon"),
            Map.entry("gnome-keyring-daemon", "gnome-keyring"),
            Map.entry("prometheus-node-exporter", "prometheus-node-exporter"),
            Map.entry("Xvfb", "xvfb"));

    private Programs() {
    }

    /**
     * The executable of that name on the {@code PATH} (then /usr/sbin and /sbin, which a user's PATH
     * may lack). {@code -Dvigia.programs.path=DIRS} replaces that search path, so that a machine
     * without some program can be tried on one that has it ({@code -Dvigia.programs.path=/nowhere}).
     */
    public static Optional<Path> find(String name) {
        String path = System.getProperty("vigia.programs.path",
                System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The executable, or an exception saying how to install it (for helpers that start programs). */
    public static Path require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(notInstalled(name)));
    }

    /** The Debian/Ubuntu package that brings this program, when known. */
    public static Optional<String> debianPackage(String name) {
        return Optional.ofNullable(PACKAGES.get(name));
    }

    static String notInstalled(String name) {
        String pkg = PACKAGES.get(name);
        return name + " not installed: no executable '" + name + "' on the PATH"
                + (pkg != null ? " (on Debian/Ubuntu: apt-get install " + pkg + ")" : "");
    }
}
