package io.vigia.datasources.scrape;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs scrapers on their intervals on one small scheduler until closed. */
public final class ScrapeLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScrapeLoop.class);

    private final ScheduledExecutorService scheduler =
            Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("vigia-scrape-", 0).daemon().factory());
    private final List<ScheduledFuture<?>> jobs = new ArrayList<>();

    public synchronized void start(Scraper scraper, Consumer<ScrapeResult> onResult) {
        long period = scraper.target().interval().toMillis();
        jobs.add(scheduler.scheduleAtFixedRate(() -> {
            try {
                onResult.accept(scraper.scrape());
            } catch (RuntimeException e) {
                // a failing write must not cancel the schedule; the next scrape tries again
                LOG.warn("scrape of {} could not be stored", scraper.target().url(), e);
            }
        }, 0, period, TimeUnit.MILLISECONDS));
    }

    /**
     * Stops scheduling and waits for a scrape in flight to finish, so the caller can close the
     * writers afterwards without racing a commit (a scrape is bounded by its timeout).
     */
    @Override
    public synchronized void close() {
        jobs.forEach(j -> j.cancel(false));
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
