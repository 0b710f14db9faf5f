package io.vigia.views.tasks;

/** A submitted task: cancel it, or ask whether it is still running. */
public interface TaskHandle {
    void cancel();

    boolean isDone();
}
