package io.vigia.dashboards.findings;

import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.persistence.series.SortedLongs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bands of a panel's queries, kept between refreshes of an open dashboard. A band at a step
 * depends only on data at least a week older than the step, so it does not change once computed
 * (data imported later into those weeks shows when the dashboard is opened again); and it can be
 * computed up to a week ahead. Each computation therefore reaches a little past the range (the
 * range's length, between an hour and a day), and a refresh whose range is still covered, as a
 * relative range moving with now is for a while, sends no query. One entry per source, query and
 * step; the oldest are dropped all at once past {@value #MAX_ENTRIES}.
 */
final class BandCache {
    static final int MAX_ENTRIES = 64;
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    private record Key(String dataSource, String expr, long stepMs) {
    }

    private record Entry(long from, long to, List<AnomalyRule.NamedBand> bands) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /** The bands of {@code expr} on {@code source} over {@code range} (one step either side), from the cache when it covers it. */
    List<AnomalyRule.NamedBand> bands(MetricsSource source, String dataSource, String expr, TimeRange range, Duration step,
                                      BandSettings settings) throws QueryException {
        long stepMs = step.toMillis();
        long from = Math.floorDiv(range.from().toEpochMilli(), stepMs) * stepMs;
        long to = Math.floorDiv(range.to().toEpochMilli(), stepMs) * stepMs;
        Key key = new Key(dataSource, expr, stepMs);
        Entry e = entries.get(key);
        if (e == null || e.from() > from || e.to() < to) {
            long ahead = Math.min(Math.max(range.length().toMillis(), HOUR), DAY);
            TimeRange wider = new TimeRange(range.from(), range.to().plusMillis(ahead));
            e = new Entry(from, Math.floorDiv(wider.to().toEpochMilli(), stepMs) * stepMs,
                    AnomalyRule.bands(source, expr, "", wider, step, settings));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, e);
        }
        List<AnomalyRule.NamedBand> out = new ArrayList<>();
        for (AnomalyRule.NamedBand nb : e.bands()) {
            out.add(new AnomalyRule.NamedBand(nb.name(), nb.labels(), slice(nb.band(), from - stepMs, to + stepMs)));
        }
        return out;
    }

    private static Band slice(Band b, long from, long to) {
        int i = SortedLongs.lowerBound(b.timestamps(), from);
        int j = SortedLongs.upperBound(b.timestamps(), to);
        return new Band(Arrays.copyOfRange(b.timestamps(), i, j), Arrays.copyOfRange(b.values(), i, j),
                Arrays.copyOfRange(b.lower(), i, j), Arrays.copyOfRange(b.median(), i, j), Arrays.copyOfRange(b.upper(), i, j));
    }
}
