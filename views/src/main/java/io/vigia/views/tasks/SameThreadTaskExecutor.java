package io.vigia.views.tasks;

import java.util.concurrent.CancellationException;

/** Runs each task at once on the caller's thread: view models are tested without a toolkit. */
public final class SameThreadTaskExecutor implements TaskExecutor {
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
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    @Override
    public void close() {
        // nothing to stop
    }
}
