package io.vigia.views.tasks;

/**
 * The one way Vigia runs background work: views and view models submit tasks here and receive
 * their results on the UI thread. Tests use {@link SameThreadTaskExecutor}.
 */
public interface TaskExecutor extends AutoCloseable {

    <T> TaskHandle submit(BackgroundTask<T> task);

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
