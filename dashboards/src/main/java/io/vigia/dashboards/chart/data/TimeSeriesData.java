package io.vigia.dashboards.chart.data;

import java.util.Arrays;

/**
 * One series to draw: timestamps in epoch milliseconds (ascending) and values, NaN meaning "no
 * value here" (drawn as a gap). The arrays are owned by the record and must not be changed
 * after construction; nothing copies them because a series may hold a million points.
 */
public record TimeSeriesData(String name, long[] ts, double[] values) {

    public TimeSeriesData {
        if (name == null) {
            throw new IllegalArgumentException("series name is required");
        }
        if (ts == null || values == null || ts.length != values.length) {
            throw new IllegalArgumentException("timestamps and values must have the same length");
        }
        for (int i = 1; i < ts.length; i++) {
            if (ts[i] < ts[i - 1]) {
                throw new IllegalArgumentException("timestamps must be ascending (series '" + name + "', index " + i + ")");
            }
        }
    }

    public int size() {
        return ts.length;
    }

    /** Index of the sample whose timestamp is closest to {@code t} (earlier wins a tie), or -1 if empty. */
    public int nearestIndex(long t) {
        if (ts.length == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(ts, t);
        if (i >= 0) {
            while (i > 0 && ts[i - 1] == t) {
                i--;
            }
            return i;
        }
        int insertion = -i - 1;
        if (insertion == 0) {
            return 0;
        }
        if (insertion == ts.length) {
            return ts.length - 1;
        }
        return t - ts[insertion - 1] <= ts[insertion] - t ? insertion - 1 : insertion;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeriesData other && name.equals(other.name)
                && Arrays.equals(ts, other.ts) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(ts)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeriesData[" + name + ", " + ts.length + " points]";
    }
}
