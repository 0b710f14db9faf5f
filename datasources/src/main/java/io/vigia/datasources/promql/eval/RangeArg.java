package io.vigia.datasources.promql.eval;

import java.util.List;

/**
 * A range-vector argument prepared once for the whole query: each series' samples and, per step,
 * the end of the left-open window {@code (windowEnd - rangeMs, windowEnd]}.
 */
public record RangeArg(List<RawSeries> series, long[] windowEnd, long rangeMs) {

    /** First index with {@code ts > from}. */
    public static int lowerIndex(long[] ts, long from) {
        int lo = 0;
        int hi = ts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] > from) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** First index with {@code ts > to}, i.e. the exclusive end of a window ending at {@code to}. */
    public static int upperIndex(long[] ts, long to) {
        return lowerIndex(ts, to);
    }
}
