package io.vigia.datasources.api;

import io.vigia.persistence.series.SampleSpan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a source's series have samples, found with its series endpoint alone, which reads the
 * index and no sample: Prometheus keeps a series in the answer for {@code [start, end]} only when
 * one of its chunks overlaps the window (tsdb's {@code blockBaseSeriesSet} drops the others), so
 * halving the window finds the first and the last chunk to within {@link #PRECISION_MS}. About
 * 2 × 25 requests over 56 years; each asks only "is anything here".
 */
final class SeriesSpanSearch {
    static final long PRECISION_MS = 60_000;

    private final MetricsSource source;
    private final List<String> selectors;

    private SeriesSpanSearch(MetricsSource source, List<String> selectors) {
        this.source = source;
        this.selectors = selectors;
    }

    static Optional<SampleSpan> find(MetricsSource source, List<String> selectors, Instant from, Instant to) {
        if (selectors.isEmpty()) {
            return Optional.empty();
        }
        SeriesSpanSearch s = new SeriesSpanSearch(source, selectors);
        long lo = from.toEpochMilli();
        long hi = to.toEpochMilli();
        if (!s.any(lo, hi)) {
            return Optional.empty();
        }
        long last = s.last(lo, hi);
        return Optional.of(new SampleSpan(s.first(lo, last), last));
    }

    /** The latest t with data in [t, hi], to within the precision (rounded up: no data is cut off). */
    private long last(long lo, long hi) {
        long a = lo;
        long b = hi;
        while (b - a > PRECISION_MS) {
            long mid = a + (b - a) / 2;
            if (any(mid, hi)) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return b;
    }

    /** The earliest t with data in [lo, t], to within the precision (rounded down). */
    private long first(long lo, long hi) {
        long a = lo;
        long b = hi;
        while (b - a > PRECISION_MS) {
            long mid = a + (b - a) / 2;
            if (any(lo, mid)) {
                b = mid;
            } else {
                a = mid;
            }
        }
        return a;
    }

    private boolean any(long from, long to) {
        return !source.series(selectors, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)).isEmpty();
    }
}
