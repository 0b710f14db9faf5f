package io.vigia.views.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.CancellationException;

/** Runs each task at once on the caller's thread: view models are tested without a toolkit. */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private final List<Runnable[]> periodic = new ArrayList<>();

    /** Periodic work waits for {@link #tick()}: tests decide when a period has passed. */
    @Override
    public TaskHandle every(Duration period, Runnable tick) {
        Runnable[] slot = {tick};
        periodic.add(slot);
        return TaskHandle.of(() -> slot[0] = null, () -> slot[0] == null);
    }

    /** Runs each periodic job not yet cancelled once, as if its period had passed. */
    public void tick() {
        periodic.removeIf(slot -> slot[0] == null);
        List.copyOf(periodic).forEach(slot -> {
            if (slot[0] != null) {
                slot[0].run();
            }
        });
    }

    /** How many periodic jobs are still scheduled. */
    public int scheduled() {
        periodic.removeIf(slot -> slot[0] == null);
        return periodic.size();
    }
    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        boolean[] cancelled = {false};
        ProgressSink sink = new ProgressSink() {
            @Override
            public void progress(long done, long total) {
                // nothing shows progress in tests
            }

            @Override
            public void message(String message) {
                // nothing shows messages in tests
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        try {
            task.successHandler().accept(task.work().run(sink));
        } catch (CancellationException e) {
            task.cancelHandler().run();
        } catch (Exception e) {
            task.failureHandler().accept(e);
        }
        return TaskHandle.of(() -> cancelled[0] = true, () -> true);
    }

    @Override
    public void close() {
        // nothing to stop
    }
}
