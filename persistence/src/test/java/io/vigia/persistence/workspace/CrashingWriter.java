package io.vigia.persistence.workspace;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Child process for {@link WorkspaceCrashTest}: saves settings and a dashboard in a loop and
 * reports every commit on stdout, until it is killed.
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            SettingsRepository settings = new SettingsRepository(ws);
            DashboardRepository dashboards = new DashboardRepository(ws);
            long n = settings.get("counter").map(Long::parseLong).orElse(0L);
            while (true) {
                n++;
                settings.putAll(java.util.Map.of("counter", Long.toString(n), "window.width", Long.toString(800 + n % 600)));
                out.println("S " + n);
                out.flush();
                dashboards.save("crash", "Crash " + n, "{\"n\":" + n + ",\"pad\":\"" + "p".repeat((int) (n % 5000)) + "\"}");
                out.println("D " + n);
                out.flush();
            }
        }
    }
}
