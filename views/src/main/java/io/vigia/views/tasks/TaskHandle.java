package io.vigia.views.tasks;

import java.util.function.BooleanSupplier;

/** A submitted task: cancel it, or ask whether it is still running. */
public interface TaskHandle {
    void cancel();

    boolean isDone();

    /** A handle that cancels with {@code cancel} and asks {@code done} whether the work has ended. */
    static TaskHandle of(Runnable cancel, BooleanSupplier done) {
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancel.run();
            }

            @Override
            public boolean isDone() {
                return done.getAsBoolean();
            }
        };
    }
}
