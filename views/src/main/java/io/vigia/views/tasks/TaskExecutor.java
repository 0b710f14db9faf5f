package io.vigia.views.tasks;

import java.time.Duration;

/**
 * The one way Vigia runs background work: views and view models submit tasks here and receive
 * their results on the UI thread. Tests use {@link SameThreadTaskExecutor}.
 */
public interface TaskExecutor extends AutoCloseable {

    <T> TaskHandle submit(BackgroundTask<T> task);

    /**
     * Runs {@code tick} on the UI thread every {@code period} until the handle is cancelled or
     * the executor closed (a dashboard's auto-refresh). Executors that cannot wait refuse it.
     */
    default TaskHandle every(Duration period, Runnable tick) {
        throw new UnsupportedOperationException("this executor does not run periodic work");
    }

    /**
     * An executor whose tasks all end with an owner (a page, a panel): closing the scope cancels
     * what is still running and drops results that arrive afterwards.
     */
    default TaskScope scope() {
        return new TaskScope(this);
    }

    @Override
    void close();
}
