package io.vigia.views.tasks;

/** What a background task reports while it runs; safe to call from any thread. */
public interface ProgressSink {
    /** {@code done} of {@code total}; a negative total means "unknown" (an indeterminate bar). */
    void progress(long done, long total);

    void message(String message);

    /** True once the user cancelled; long work checks it between steps and stops early. */
    boolean isCancelled();
}
