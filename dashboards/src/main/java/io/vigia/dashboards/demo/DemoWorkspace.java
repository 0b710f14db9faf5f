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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public static final long SEED = 42;
    public static final int DAYS = 30;
    public static final Duration INTERVAL = Duration.ofMinutes(5);
    static final int RECENT_DAYS = 8;

    private DemoWorkspace() {
    }

    /** Whether to load the demo: nothing stored yet and the demo never loaded or removed here. */
    public static boolean shouldLoad(SettingsRepository settings, SqliteSeriesStore store) {
        return settings.get(SETTING).isEmpty() && store.seriesCount() == 0;
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
        Older older = new Older();
        long recent;
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
            });
            if (cancelled.getAsBoolean()) {
                writer.rollback();
                throw new CancellationException("demo load cancelled");
            }
            writer.commit();
            recent = written[0];
        }
        listener.recentReady(recent);
        long total = recent + older.size;
        long done = recent;
        try (SeriesWriter writer = store.writer()) {
            for (Map.Entry<Labels, Older.Samples> e : older.series.entrySet()) {
                Older.Samples s = e.getValue();
                for (int i = 0; i < s.size; i++) {
                    writer.append(e.getKey(), s.ts[i], s.values[i]);
                }
                done += s.size;
                listener.progress(done, total);
                if (cancelled.getAsBoolean()) {
                    writer.rollback();
                    throw new CancellationException("demo load cancelled");
                }
            }
            writer.commit();
        }
        settings.put(SETTING, LOADED);
        return total;
    }

    /** Deletes every series of the simulator's metrics and remembers that the demo is gone. */
    public static long remove(SettingsRepository settings, SqliteSeriesStore store) {
        String names = FleetMetrics.FAMILIES.stream().map(f -> f.name() + switch (f.type()) {
            case COUNTER -> "_total";
            case GAUGE -> "";
            case HISTOGRAM -> "_(bucket|sum|count)";
        }).collect(Collectors.joining("|"));
        long deleted = store.delete(List.of(LabelMatcher.regex(Labels.METRIC_NAME, names)), Long.MIN_VALUE, Long.MAX_VALUE);
        settings.put(SETTING, REMOVED);
        return deleted;
    }

    /** Older samples held in primitive arrays per series until the recent ones are committed. */
    private static final class Older {
        final Map<Labels, Samples> series = new HashMap<>();
        long size;

        static final class Samples {
            long[] ts = new long[512];
            double[] values = new double[512];
            int size;
        }

        void add(Labels labels, long t, double v) {
            Samples s = series.computeIfAbsent(labels, k -> new Samples());
            if (s.size == s.ts.length) {
                s.ts = Arrays.copyOf(s.ts, s.size * 2);
                s.values = Arrays.copyOf(s.values, s.size * 2);
            }
            s.ts[s.size] = t;
            s.values[s.size++] = v;
            size++;
        }
    }
}
