package io.vigia.persistence.series;

/**
 * Binary search over sorted timestamps, the one way the store, the PromQL engine and the chart
 * reducer find where a time window starts and ends in a series.
 */
public final class SortedLongs {
    private SortedLongs() {
    }

    /** Index of the first of the first {@code n} values that is at or after {@code t} ({@code n} when none is). */
    public static int lowerBound(long[] sorted, int n, long t) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first of the first {@code n} values that is after {@code t} ({@code n} when none is). */
    public static int upperBound(long[] sorted, int n, long t) {
        return t == Long.MAX_VALUE ? n : lowerBound(sorted, n, t + 1);
    }

    public static int lowerBound(long[] sorted, long t) {
        return lowerBound(sorted, sorted.length, t);
    }

    public static int upperBound(long[] sorted, long t) {
        return upperBound(sorted, sorted.length, t);
    }
}
