package io.vigia.views.tasks;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs tasks on a small pool of daemon threads through {@link javafx.concurrent.Task}, which
 * hands results and progress to the UI thread. Tasks that show in the status bar are listed in
 * {@link #running()} while they run.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();

    public FxTaskExecutor(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("vigia-task-", 0).daemon().factory());
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
        return new TaskHandle() {
            @Override
            public void cancel() {
                task.cancel(true);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
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
