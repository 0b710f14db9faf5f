package io.vigia.views.tasks;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;

/**
 * The tasks one view started. Closing the view closes its scope: running tasks are cancelled and
 * results that still arrive are dropped instead of touching a view that is gone.
 */
public final class TaskScope implements AutoCloseable {
    private final TaskExecutor executor;
    private final List<TaskHandle> handles = new ArrayList<>();
    private volatile boolean closed;

    TaskScope(TaskExecutor executor) {
        this.executor = executor;
    }

    public synchronized <T> TaskHandle submit(BackgroundTask<T> task) {
        if (closed) {
            throw new IllegalStateException("the view that owns this scope was closed");
        }
        BackgroundTask<T> guarded = BackgroundTask.of(task.title(), task.work())
                .onSuccess(r -> {
                    if (!closed) {
                        task.successHandler().accept(r);
                    }
                })
                .onFailure(e -> {
                    if (!closed) {
                        task.failureHandler().accept(e);
                    }
                })
                .onCancelled(() -> {
                    if (!closed) {
                        task.cancelHandler().run();
                    }
                });
        if (!task.showInStatusBar()) {
            guarded.quiet();
        }
        handles.removeIf(TaskHandle::isDone);
        TaskHandle h = executor.submit(guarded);
        handles.add(h);
        return h;
    }

    /** Periodic work on the UI thread ({@link TaskExecutor#every}), stopped when the scope closes. */
    public synchronized TaskHandle every(Duration period, Runnable tick) {
        if (closed) {
            throw new IllegalStateException("the view that owns this scope was closed");
        }
        TaskHandle h = executor.every(period, () -> {
            if (!closed) {
                tick.run();
            }
        });
        handles.add(h);
        return h;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        handles.forEach(TaskHandle::cancel);
        handles.clear();
    }
}
