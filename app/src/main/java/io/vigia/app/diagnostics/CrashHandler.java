package io.vigia.app.diagnostics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The default uncaught-exception handler, for every thread: the main thread, pools, and the
 * JavaFX application thread (JavaFX hands an event handler's uncaught exception to it). Writes a
 * crash report, logs where it is, and tells the user ({@code notifier}: a line on the terminal,
 * a dialog in the app).
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CrashHandler.class);
    private final CrashReports reports;
    private final Consumer<Path> notifier;

    public CrashHandler(CrashReports reports, Consumer<Path> notifier) {
        this.reports = reports;
        this.notifier = notifier;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        Path report = null;
        try {
            report = reports.write(thread, error);
            LOG.error("uncaught exception in thread {}; crash report: {}", thread.getName(), report, error);
        } catch (Throwable writing) {
            // the report is lost, the log line is not
            LOG.error("uncaught exception in thread {} (no crash report: {})", thread.getName(), writing.toString(), error);
        }
        try {
            notifier.accept(report);
        } catch (Throwable ignored) {
            // telling the user must not throw from the handler
        }
    }

    /**
     * A crash on purpose, for the tests of this handler in a real process: with the system
     * property {@code vigia.debug.crash} set, throws an exception whose message is its value.
     */
    public static void crashIfAsked(String property) {
        String message = System.getProperty(property);
        if (message != null) {
            throw new IllegalStateException(message);
        }
    }
}
