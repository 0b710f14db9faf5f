package io.vigia.datasources.otlp;

import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SeriesReader;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.StaleMarker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The receiver's only way into the store: appends in time order per series and remembers each
 * series' newest sample. A series seen for the first time is looked up in the store once (its
 * newest sample within {@link #SEED_WINDOW_MS} of the incoming one), so counters the receiver
 * keeps go on from what an earlier run stored instead of restarting, and a point older than what
 * is stored is skipped instead of failing the whole commit (the writer refuses a different value
 * at a stored timestamp). Not thread-safe: the ingest thread owns it.
 */
final class SeriesAppender {
    /** How far back a first lookup reads; older history is treated as a restart (a counter reset). */
    static final long SEED_WINDOW_MS = 7L * 24 * 3600 * 1000;

    private final SeriesWriter writer;
    private final SeriesReader reader;
    private final Map<Labels, Last> last = new HashMap<>();
    private int appended;
    private int skipped;

    /** The newest sample of a series; {@code t == Long.MIN_VALUE} when there is none. */
    record Last(long t, double v) {
        static final Last NONE = new Last(Long.MIN_VALUE, Double.NaN);

        boolean exists() {
            return t != Long.MIN_VALUE;
        }
    }

    SeriesAppender(SeriesWriter writer, SeriesReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /** The newest sample of the series known to this run or stored before it. */
    Last last(Labels labels, long around) {
        Last l = last.get(labels);
        if (l == null) {
            l = stored(labels, around);
            last.put(labels, l);
        }
        return l;
    }

    /** Appends unless {@code t} is at or before the series' newest sample; false when skipped. */
    boolean append(Labels labels, long t, double v) {
        Last l = last(labels, t);
        if (t <= l.t()) {
            skipped++;
            return false;
        }
        writer.append(labels, t, v);
        if (!StaleMarker.isStale(v)) {
            last.put(labels, new Last(t, v));
        } else {
            last.put(labels, new Last(t, l.v()));
        }
        appended++;
        return true;
    }

    /** Samples appended since the last call, and resets the count. */
    int takeAppended() {
        int n = appended;
        appended = 0;
        return n;
    }

    /** Points skipped as out of order since the last call, and resets the count. */
    int takeSkipped() {
        int n = skipped;
        skipped = 0;
        return n;
    }

    /** Forgets what an uncommitted, rolled-back batch appended: the next lookups read the store again. */
    void forget() {
        last.clear();
    }

    private Last stored(Labels labels, long around) {
        List<LabelMatcher> matchers = new ArrayList<>(labels.size());
        labels.forEach((n, v) -> matchers.add(LabelMatcher.equal(n, v)));
        long from = around == Long.MIN_VALUE ? Long.MIN_VALUE : around - SEED_WINDOW_MS;
        for (SeriesData d : reader.select(matchers, from, Long.MAX_VALUE)) {
            // equal matchers also select series that carry more labels: only the exact one counts
            if (d.labels().equals(labels) && d.size() > 0) {
                long[] ts = d.timestamps();
                double[] vs = d.values();
                int i = ts.length - 1;
                double value = vs[i];
                while (StaleMarker.isStale(value) && i > 0) {
                    value = vs[--i];
                }
                return new Last(ts[ts.length - 1], StaleMarker.isStale(value) ? Double.NaN : value);
            }
        }
        return Last.NONE;
    }
}
