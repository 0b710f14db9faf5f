package io.vigia.app.diagnostics;

import io.vigia.persistence.files.OwnerOnlyFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Crash reports: one owner-only text file per crash in the state directory
 * ({@code crash-20261123T114955Z-4242.txt}) with what a bug report needs (version, Java, OS,
 * thread, stack trace) and nothing secret: every message in the trace is masked. The newest
 * {@value #KEEP} are kept.
 */
public final class CrashReports {
    static final int KEEP = 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String version;
    private final Clock clock;

    public CrashReports(Path dir, String version, Clock clock) {
        this.dir = dir;
        this.version = version;
        this.clock = clock;
    }

    public Path directory() {
        return dir;
    }

    /** Writes the report of {@code error} thrown in {@code thread}; returns its path. */
    public Path write(Thread thread, Throwable error) throws IOException {
        OwnerOnlyFiles.createDirectories(dir);
        String stamp = STAMP.format(clock.instant());
        Path file = dir.resolve("crash-" + stamp + "-" + ProcessHandle.current().pid() + ".txt");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve("crash-" + stamp + "-" + ProcessHandle.current().pid() + "-" + n + ".txt");
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String text = "Vigia crash report\n"
                + "time: " + clock.instant() + "\n"
                + "version: Vigia " + version + "\n"
                + "java: " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")\n"
                + "os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch") + "\n"
                + "thread: " + thread.getName() + "\n\n"
                + SecretMasking.mask(trace.toString());
        OwnerOnlyFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        prune();
        return file;
    }

    private void prune() throws IOException {
        List<Path> reports;
        try (Stream<Path> s = Files.list(dir)) {
            reports = s.filter(p -> p.getFileName().toString().startsWith("crash-")).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path old : reports.subList(Math.min(KEEP, reports.size()), reports.size())) {
            Files.deleteIfExists(old);
        }
    }
}
