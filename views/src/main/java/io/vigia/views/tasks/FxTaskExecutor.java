package io.vigia.views.tasks;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs each task on its own virtual thread through {@link javafx.concurrent.Task}, which hands
 * results and progress to the UI thread. Tasks that show in the status bar are listed in
 * {@link #running()} while they run.
 *
 * <p>Why one thread per task rather than a small pool: a dashboard refresh is a dozen requests that
 * mostly wait on a server; with a pool of four, twelve panels took three round trips. Virtual threads
 * also make a blocking socket read interruptible, so cancelling a panel's task stops its request.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();

    public FxTaskExecutor() {
        this.pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("vigia-task-", 0).factory());
    }

    /** Tasks now running; change only on the UI thread. */
    public ObservableList<RunningTask> running() {
        return running;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> bt) {
        Job<T> task = new Job<>(bt.work());
        RunningTask shown = new RunningTask(bt.title(), () -> task.cancel(true));
        Runnable add = () -> {
            if (bt.showInStatusBar() && !task.isDone()) {
                running.add(shown);
            }
        };
        runOnFx(add);
        task.progressProperty().addListener((o, a, b) -> shown.update(b.doubleValue(), task.getMessage()));
        task.messageProperty().addListener((o, a, b) -> shown.update(task.getProgress(), b));
        task.setOnSucceeded(e -> {
            running.remove(shown);
            bt.successHandler().accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.remove(shown);
            bt.failureHandler().accept(task.getException());
        });
        task.setOnCancelled(e -> {
            running.remove(shown);
            bt.cancelHandler().run();
        });
        pool.execute(task);
        return TaskHandle.of(() -> task.cancel(true), task::isDone);
    }

    @Override
    public TaskHandle every(Duration period, Runnable tick) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> loop = pool.submit(() -> {
            try {
                while (!cancelled.get()) {
                    Thread.sleep(period);
                    runOnFx(() -> {
                        if (!cancelled.get()) {
                            tick.run();
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // cancelled: the loop ends
            }
        });
        return TaskHandle.of(() -> {
            cancelled.set(true);
            loop.cancel(true);
        }, loop::isDone);
    }

    /** A JavaFX task that hands its own progress methods to the work as a {@link ProgressSink}. */
    private static final class Job<T> extends Task<T> implements ProgressSink {
        private final BackgroundTask.Work<T> work;

        Job(BackgroundTask.Work<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            return work.run(this);
        }

        @Override
        public void progress(long done, long total) {
            if (total < 0) {
                updateProgress(-1, 1);
            } else {
                updateProgress(done, total);
            }
        }

        @Override
        public void message(String message) {
            updateMessage(message);
        }
    }

    private static void runOnFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
