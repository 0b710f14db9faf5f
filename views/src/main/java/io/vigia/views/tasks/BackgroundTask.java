package io.vigia.views.tasks;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A unit of background work with a title for the status bar and callbacks that run on the UI
 * thread (or, with {@link SameThreadTaskExecutor}, on the caller's thread in tests).
 */
public final class BackgroundTask<T> {
    /** The work itself: runs off the UI thread and may report progress. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressSink progress) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private boolean showInStatusBar = true;

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<T> c) {
        this.onSuccess = c;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> c) {
        this.onFailure = c;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable r) {
        this.onCancelled = r;
        return this;
    }

    /** Quick work (a refresh of one panel) need not crowd the status bar. */
    public BackgroundTask<T> quiet() {
        this.showInStatusBar = false;
        return this;
    }

    public String title() {
        return title;
    }

    public Work<T> work() {
        return work;
    }

    public Consumer<T> successHandler() {
        return onSuccess;
    }

    public Consumer<Throwable> failureHandler() {
        return onFailure;
    }

    public Runnable cancelHandler() {
        return onCancelled;
    }

    public boolean showInStatusBar() {
        return showInStatusBar;
    }
}
