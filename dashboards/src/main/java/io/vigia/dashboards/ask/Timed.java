package io.vigia.dashboards.ask;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work on its own thread for at most a time limit; past it the thread is interrupted (the
 * embedded engine checks for that between nodes) and the step is refused with the limit named.
 */
final class Timed {
    private Timed() {
    }

    /** The work ran past the limit. */
    static final class TimeLimitException extends RuntimeException {
        TimeLimitException(Duration limit) {
            super("the step ran longer than the limit of " + limit.toSeconds() + " s and was stopped");
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T get() throws Exception;
    }

    static <T> T run(Duration limit, Work<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofVirtual().name("ask-step").start(() -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        try {
            if (!t.join(limit)) {
                t.interrupt();
                throw new TimeLimitException(limit);
            }
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new TimeLimitException(limit);
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        if (f != null) {
            throw new IllegalStateException(f.getMessage(), f);
        }
        return result.get();
    }
}
