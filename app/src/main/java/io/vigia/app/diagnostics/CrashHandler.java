package io.vigia.app.diagnostics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Failures already reported in this process, by class and throwing frame (bounded). */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        // the same failure again (an event handler failing on every pulse, say) is logged, but makes
        // no new report and no new dialog
        if (!reported.add(signature(error)) || reported.size() > 100) {
            LOG.error("uncaught exception in thread {} (reported before)", thread.getName(), error);
            return;
        }
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

    private static String signature(Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        return error.getClass().getName() + (frames.length > 0 ? " at " + frames[0] : "");
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
