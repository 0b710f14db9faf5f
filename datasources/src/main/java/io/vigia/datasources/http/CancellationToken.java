package io.vigia.datasources.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Cancels requests in flight: the panel that asked closes, or the time range changes. A request
 * registers a callback that closes its HTTP call; {@link #cancel()} runs every callback once.
 * Thread-safe; a callback registered after cancellation runs at once.
 */
public final class CancellationToken {
    /** A token that is never cancelled, for callers that need no cancellation. */
    public static final CancellationToken NONE = new CancellationToken(false);

    private final boolean cancellable;
    private final List<Runnable> callbacks = new ArrayList<>();
    private boolean cancelled;

    public CancellationToken() {
        this(true);
    }

    private CancellationToken(boolean cancellable) {
        this.cancellable = cancellable;
    }

    public void cancel() {
        if (!cancellable) {
            throw new IllegalStateException("CancellationToken.NONE cannot be cancelled");
        }
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code onCancel} when the token is cancelled; closing the registration forgets it. */
    public Registration register(Runnable onCancel) {
        if (!cancellable) {
            return () -> { };
        }
        synchronized (this) {
            if (!cancelled) {
                callbacks.add(onCancel);
                return () -> {
                    synchronized (this) {
                        callbacks.remove(onCancel);
                    }
                };
            }
        }
        onCancel.run();
        return () -> { };
    }

    /** A registered callback; close it when the request is over. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
