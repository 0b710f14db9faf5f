package io.vigia.app.gui;

import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Starts the real JavaFX toolkit once (JavaFX 26's headless platform in tests) and runs code on its thread. */
final class FxThread {
    private static boolean started;

    private FxThread() {
    }

    static synchronized void start() {
        if (!started) {
            try {
                Platform.startup(() -> { });
            } catch (IllegalStateException alreadyRunning) {
                // another test class of this JVM started it
            }
            Platform.setImplicitExit(false);
            started = true;
        }
    }

    static <T> T call(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    static void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until the condition, checked on the FX thread, holds (or fails after 20 s). */
    static void await(String what, BooleanSupplier condition) throws Exception {
        await(what, condition, 20);
    }

    /** As above, for work that takes longer (a month of findings on two shared cores). */
    static void await(String what, BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (call(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
