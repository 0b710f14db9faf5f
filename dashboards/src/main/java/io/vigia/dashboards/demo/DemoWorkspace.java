package io.vigia.dashboards.demo;

import io.vigia.datasources.simulator.FleetMetrics;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.datasources.simulator.FleetSink;
import io.vigia.datasources.simulator.SeriesBuffer;
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
 * <p>Loading is two commits: the last {@value #RECENT_DAYS} days first (what the built-in
 * dashboards show by default, so the first window has data quickly), then the older days, which
 * the store files behind the newer chunks.
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
    static final int RECENT_DAYS = 8;
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
        /** The recent days are committed: dashboards over them can be drawn now. */
        void recentReady(long samples);

        /** {@code done} of {@code total} samples written. */
        void progress(long done, long total);
    }

    /**
     * Loads the demo history ending at {@code now}.
     *
     * @throws CancellationException when {@code cancelled} turns true; what was committed stays and
     *                               the setting is not written, so the next start loads again
     */
    public static long load(SettingsRepository settings, SqliteSeriesStore store, Instant now, Listener listener,
                            BooleanSupplier cancelled) {
        long end = now.toEpochMilli();
        long start = end - Duration.ofDays(DAYS).toMillis();
        long cut = end - Duration.ofDays(RECENT_DAYS).toMillis();
        SeriesBuffer older = new SeriesBuffer();
        long recent;
        DemoGuardrailEvents events = new DemoGuardrailEvents(end - Duration.ofDays(EVENT_DAYS).toMillis(), end);
        try (SeriesWriter writer = store.writer()) {
            long[] written = {0};
            FleetSimulator.run(SEED, start, end, INTERVAL.toMillis(), new FleetSink() {
                @Override
                public void sample(Labels labels, long t, double v) {
                    if (t >= cut) {
                        writer.append(labels, t, v);
                        written[0]++;
                    } else {
                        older.add(labels, t, v);
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
                writer.rollback();
                throw new CancellationException("demo load cancelled");
            }
            writer.commit();
            recent = written[0];
        }
        listener.recentReady(recent);
        // after the first window has its data: the logs panels can wait a few milliseconds more
        events.store(settings.workspace());
        long total = recent + older.size();
        long[] done = {recent};
        try (SeriesWriter writer = store.writer()) {
            try {
                older.forEach((labels, s) -> {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("demo load cancelled");
                    }
                    for (int i = 0; i < s.size(); i++) {
                        writer.append(labels, s.timestamp(i), s.value(i));
                    }
                    done[0] += s.size();
                    listener.progress(done[0], total);
                });
            } catch (CancellationException e) {
                writer.rollback(); // closing the writer would commit what is pending
                throw e;
            }
            writer.commit();
        }
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
