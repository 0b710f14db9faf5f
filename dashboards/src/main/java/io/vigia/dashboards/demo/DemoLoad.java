package io.vigia.dashboards.demo;

import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A demo load started as early as possible (while the window is still being built), so the first
 * window has data sooner. The UI attaches to {@link #recent()} and {@link #done()} when it is ready.
 */
public final class DemoLoad {
    private final CompletableFuture<Long> recent = new CompletableFuture<>();
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Instant end;

    private DemoLoad(Instant end) {
        this.end = end;
    }

    /** Where the demo history ends: the dashboards' "now" while the demo is shown. */
    public Instant end() {
        return end;
    }

    public static DemoLoad start(SettingsRepository settings, SqliteSeriesStore store, Clock clock) {
        DemoLoad load = new DemoLoad(clock.instant());
        Thread t = new Thread(() -> {
            try {
                long total = DemoWorkspace.load(settings, store, load.end, new DemoWorkspace.Listener() {
                    @Override
                    public void recentReady(long samples) {
                        load.recent.complete(samples);
                    }

                    @Override
                    public void progress(long done, long total) {
                        // the UI shows the badge while loading; a few seconds need no bar
                    }
                }, load.cancelled::get);
                load.done.complete(total);
            } catch (RuntimeException e) {
                load.recent.completeExceptionally(e);
                load.done.completeExceptionally(e);
            }
        }, "vigia-demo-load");
        t.setDaemon(true);
        t.start();
        return load;
    }

    /** Completes when the series are committed (all 30 days, in one commit): dashboards can be drawn. */
    public CompletableFuture<Long> recent() {
        return recent;
    }

    /** Completes when the guardrail events (logs panels) and the demo's settings are stored too. */
    public CompletableFuture<Long> done() {
        return done;
    }

    public void cancel() {
        cancelled.set(true);
    }
}
