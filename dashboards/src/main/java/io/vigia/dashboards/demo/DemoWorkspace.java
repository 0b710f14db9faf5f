package io.vigia.dashboards.demo;

import io.vigia.datasources.simulator.FleetMetrics;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.datasources.simulator.FleetSink;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The demo workspace: 30 days of the fleet simulator's history in the local store, so a new user
 * sees populated dashboards with no server. Loaded once, on first start of an empty workspace;
 * removable in one click (the setting remembers, so it does not come back).
 *
 * <p>Loading is one pass of the simulator straight into the store and one commit. The simulator
 * is one stateful pass from the oldest sample (its counters and random streams carry over from
 * step to step), so the days the dashboards show first (the last 7) come out last whatever is done;
 * holding the older days in memory to commit the recent ones first cost more than writing the
 * older days as they come (measured in docs/benchmarks.md, "Issue 18: first window").
 */
public final class DemoWorkspace {
    public static final String SETTING = "demo.state";
    public static final String LOADED = "loaded";
    public static final String REMOVED = "removed";
    /** Where the demo history ends (epoch ms): the demo's "now", so that it still fills its panels days later. */
    public static final String END_SETTING = "demo.end";
    public static final long SEED = 42;
    public static final int DAYS = 30;
    public static final Duration INTERVAL = Duration.ofMinutes(5);
    /** The cancel flag is read every 65,536 samples (a few milliseconds of the load). */
    private static final long CANCEL_CHECK_MASK = (1 << 16) - 1;
    /** Days of guardrail events stored as log lines (the Guardrails dashboard's default range). */
    static final int EVENT_DAYS = 7;

    private DemoWorkspace() {
    }

    /** Whether to load the demo: nothing stored yet and the demo never loaded or removed here. */
    public static boolean shouldLoad(SettingsRepository settings, SqliteSeriesStore store) {
        return settings.get(SETTING).isEmpty() && store.seriesCount() == 0;
    }

    /** The end of the loaded demo history, when the demo is loaded. */
    public static java.util.Optional<Instant> end(java.util.Map<String, String> settings) {
        if (!LOADED.equals(settings.get(SETTING)) || settings.get(END_SETTING) == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Instant.ofEpochMilli(Long.parseLong(settings.get(END_SETTING))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    public static boolean isLoaded(SettingsRepository settings) {
        return settings.get(SETTING).map(LOADED::equals).orElse(false);
    }

    /** Progress of a load. */
    public interface Listener {
        /**
         * The series are committed, the recent days with all the others: dashboards can be drawn
         * now. The guardrail events (logs panels) and the settings follow.
         */
        void recentReady(long samples);

        /** {@code done} of {@code total} samples written (called when the series are committed). */
        void progress(long done, long total);
    }

    /**
     * Loads the demo history ending at {@code now}.
     *
     * @throws CancellationException when {@code cancelled} turns true; nothing of the history is
     *                               committed and the setting is not written, so the next start loads again
     */
    public static long load(SettingsRepository settings, SqliteSeriesStore store, Instant now, Listener listener,
                            BooleanSupplier cancelled) {
        long end = now.toEpochMilli();
        long start = end - Duration.ofDays(DAYS).toMillis();
        DemoGuardrailEvents events = new DemoGuardrailEvents(end - Duration.ofDays(EVENT_DAYS).toMillis(), end);
        long total;
        try (SeriesWriter writer = store.writer()) {
            long[] written = {0};
            try {
                FleetSimulator.run(SEED, start, end, INTERVAL.toMillis(), new FleetSink() {
                    @Override
                    public void sample(Labels labels, long t, double v) {
                        // every series' samples arrive in time order: they go straight into its chunk
                        writer.append(labels, t, v);
                        if ((++written[0] & CANCEL_CHECK_MASK) == 0 && cancelled.getAsBoolean()) {
                            throw new CancellationException("demo load cancelled");
                        }
                    }

                    @Override
                    public boolean wantsEvents() {
                        return true;
                    }

                    @Override
                    public void guardrailEvent(io.vigia.datasources.simulator.SimulatedGuardrailEvent e) {
                        events.add(e);
                    }
                });
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("demo load cancelled");
                }
            } catch (CancellationException e) {
                writer.rollback(); // closing the writer would commit what is pending
                throw e;
            }
            writer.commit();
            total = written[0];
        }
        listener.recentReady(total);
        listener.progress(total, total);
        // after the first window has its data: the logs panels can wait a few milliseconds more
        events.store(settings.workspace());
        settings.put(END_SETTING, Long.toString(end));
        settings.put(SETTING, LOADED);
        return total;
    }

    /**
     * Deletes every series of the simulator's metrics, rebuilds those of imported files, and
     * remembers that the demo is gone.
     */
    public static long remove(SettingsRepository settings, SqliteSeriesStore store) {
        String names = FleetMetrics.FAMILIES.stream().map(f -> f.name() + switch (f.type()) {
            case COUNTER -> "_total";
            case GAUGE -> "";
            case HISTOGRAM -> "_(bucket|sum|count)";
        }).collect(Collectors.joining("|"));
        DemoGuardrailEvents.remove(settings.workspace());
        long deleted = store.delete(List.of(LabelMatcher.regex(Labels.METRIC_NAME, names)), Long.MIN_VALUE, Long.MAX_VALUE);
        // imported data shares the contract's metric names: its series go with the demo's, and come
        // back from the rows the importers stored
        io.vigia.datasources.imports.ImportedSeries.rebuildAll(settings.workspace(), store);
        settings.put(SETTING, REMOVED);
        settings.remove(END_SETTING);
        return deleted;
    }
}
