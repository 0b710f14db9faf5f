package io.vigia.datasources.promql;

import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SeriesReader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link SeriesReader} over samples held in memory, sorted by labels; for tests and for small
 * ad-hoc data sets. Samples may be appended in any order; reads see them sorted by time.
 */
public final class InMemorySeriesReader implements SeriesReader {
    private static final class Buffer {
        long[] ts = new long[16];
        double[] vs = new double[16];
        /** Start timestamps, allocated when the first one is appended (0 = unknown). */
        long[] st;
        int size;
        boolean sorted = true;

        void add(long t, double v, long start) {
            if (size == ts.length) {
                ts = Arrays.copyOf(ts, size * 2);
                vs = Arrays.copyOf(vs, size * 2);
                if (st != null) {
                    st = Arrays.copyOf(st, size * 2);
                }
            }
            if (start != 0 && st == null) {
                st = new long[ts.length];
            }
            if (size > 0 && ts[size - 1] >= t) {
                sorted = false;
            }
            ts[size] = t;
            vs[size] = v;
            if (st != null) {
                st[size] = start;
            }
            size++;
        }

        void sort() {
            if (sorted) {
                return;
            }
            // Later samples with the same timestamp win, as an append-only store would keep the last write.
            TreeMap<Long, Integer> last = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                last.put(ts[i], i);
            }
            int n = Math.max(16, last.size());
            long[] nts = new long[n];
            double[] nvs = new double[n];
            long[] nst = st == null ? null : new long[n];
            int k = 0;
            for (int i : last.values()) {
                nts[k] = ts[i];
                nvs[k] = vs[i];
                if (nst != null) {
                    nst[k] = st[i];
                }
                k++;
            }
            ts = nts;
            vs = nvs;
            st = nst;
            size = k;
            sorted = true;
        }
    }

    private final TreeMap<Labels, Buffer> series = new TreeMap<>();

    public synchronized void append(Labels labels, long timestampMs, double value) {
        append(labels, timestampMs, value, 0);
    }

    /** A sample with its start timestamp ({@code 0} when unknown), which this store keeps. */
    public synchronized void append(Labels labels, long timestampMs, double value, long startTimestampMs) {
        series.computeIfAbsent(labels, l -> new Buffer()).add(timestampMs, value, startTimestampMs);
    }

    public synchronized void clear() {
        series.clear();
    }

    @Override
    public synchronized List<SeriesData> select(List<LabelMatcher> matchers, long minTime, long maxTime) {
        List<SeriesData> out = new ArrayList<>();
        for (Map.Entry<Labels, Buffer> e : series.entrySet()) {
            if (!matchesAll(e.getKey(), matchers)) {
                continue;
            }
            Buffer b = e.getValue();
            b.sort();
            int lo = lowerBound(b.ts, b.size, minTime);
            int hi = lowerBound(b.ts, b.size, maxTime == Long.MAX_VALUE ? maxTime : maxTime + 1);
            if (maxTime == Long.MAX_VALUE) {
                hi = b.size;
            }
            if (hi > lo) {
                out.add(new SeriesData(e.getKey(), Arrays.copyOfRange(b.ts, lo, hi), Arrays.copyOfRange(b.vs, lo, hi),
                        b.st == null ? null : Arrays.copyOfRange(b.st, lo, hi)));
            }
        }
        return out;
    }

    private static int lowerBound(long[] ts, int size, long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean matchesAll(Labels l, List<LabelMatcher> matchers) {
        for (LabelMatcher m : matchers) {
            if (!m.matches(l)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized List<String> labelNames(List<LabelMatcher> matchers) {
        TreeSet<String> names = new TreeSet<>();
        for (Labels l : series.keySet()) {
            if (matchesAll(l, matchers)) {
                names.addAll(l.names());
            }
        }
        return new ArrayList<>(names);
    }

    @Override
    public synchronized List<String> labelValues(String name, List<LabelMatcher> matchers) {
        TreeSet<String> values = new TreeSet<>();
        for (Labels l : series.keySet()) {
            if (matchesAll(l, matchers) && l.has(name)) {
                values.add(l.get(name));
            }
        }
        return new ArrayList<>(values);
    }

    @Override
    public synchronized List<Labels> series(List<LabelMatcher> matchers) {
        List<Labels> out = new ArrayList<>();
        for (Labels l : series.keySet()) {
            if (matchesAll(l, matchers)) {
                out.add(l);
            }
        }
        return out;
    }
}
