package io.vigia.datasources.promql.eval;

import java.util.OptionalDouble;

/**
 * Range kernels that read samples' start timestamps ({@code use-start-timestamps}), after
 * Prometheus's promql/functions.go (extrapolatedRate, instantValue, funcResets,
 * isStartTimestampReset, checkStartTimeOverlap). A start timestamp of 0 is unknown.
 */
final class StartTimestamps {
    private StartTimestamps() {
    }

    /**
     * Whether the current sample restarted the counter: its start lies after the previous sample,
     * or on it while the previous sample had a start of its own (a delta series).
     */
    static boolean isReset(long prevSt, long prevT, long curSt, long curT) {
        if (curSt == 0 || curSt >= curT) {
            return false; // unknown, invalid (after the sample), or OTel's unknown start (== T)
        }
        if (curSt < prevT) {
            return false;
        }
        if (curSt > prevT) {
            return true;
        }
        if (prevSt > prevT) {
            return false; // an invalid previous start: do not take this for a delta series
        }
        return prevSt != 0 && prevSt != prevT;
    }

    /** A start before the previous sample that is not the previous sample's start. */
    static boolean overlaps(long prevSt, long prevT, long curSt) {
        return curSt != 0 && curSt < prevT && curSt != prevSt;
    }

    /**
     * rate()/increase() over {@code [lo, hi)} in the window {@code (start, end]}: counter resets
     * also where start timestamps say so, and no extrapolation to the left when the first sample's
     * start lies inside the window (a zero is assumed there), which also lets one sample give a
     * result. {@code overlap[0]} is set when a start overlaps the previous sample.
     */
    static OptionalDouble rate(long[] ts, double[] v, long[] st, int lo, int hi, long start, long end, boolean isRate,
                               boolean[] overlap) {
        int n = hi - lo;
        if (n < 1) {
            return OptionalDouble.empty();
        }
        long firstT = ts[lo];
        long lastT = ts[hi - 1];
        double result = v[hi - 1] - v[lo];
        for (int i = lo + 1; i < hi; i++) {
            if (!overlap[0] && overlaps(st[i - 1], ts[i - 1], st[i])) {
                overlap[0] = true;
            }
            if (v[i] < v[i - 1] || isReset(st[i - 1], ts[i - 1], st[i], ts[i])) {
                result += v[i - 1];
            }
        }
        double toStart = (firstT - start) / 1000.0;
        double toEnd = (end - lastT) / 1000.0;
        double sampled = (lastT - firstT) / 1000.0;
        double avg = n > 1 ? sampled / (n - 1) : 0;
        double threshold = avg * 1.1;
        long firstSt = st[lo];
        if (firstSt != 0 && firstSt > start && firstSt < firstT) {
            // A zero-value sample at the start timestamp replaces the extrapolation to the left.
            toStart = 0;
            sampled = (lastT - firstSt) / 1000.0;
            result += v[lo];
        } else if (n == 1) {
            return OptionalDouble.empty();
        } else {
            if (toStart >= threshold) {
                toStart = avg / 2;
            }
            double toZero = toStart;
            if (result > 0 && v[lo] >= 0) {
                toZero = sampled * (v[lo] / result);
            }
            toStart = Math.min(toStart, toZero);
        }
        if (toEnd >= threshold) {
            toEnd = avg / 2;
        }
        double factor = sampled != 0 ? (sampled + toStart + toEnd) / sampled : 1;
        if (isRate) {
            factor /= (end - start) / 1000.0;
        }
        return OptionalDouble.of(result * factor);
    }

    /** irate() of the last two samples, a start-timestamp reset counting as a counter reset. */
    static OptionalDouble irate(long[] ts, double[] v, long[] st, int lo, int hi) {
        if (hi - lo < 2) {
            return OptionalDouble.empty();
        }
        int a = hi - 2;
        int b = hi - 1;
        long interval = ts[b] - ts[a];
        if (interval == 0) {
            return OptionalDouble.empty();
        }
        boolean reset = v[b] < v[a] || isReset(st[a], ts[a], st[b], ts[b]);
        double r = reset ? v[b] : v[b] - v[a];
        return OptionalDouble.of(r / (interval / 1000.0));
    }

    static double resets(long[] ts, double[] v, long[] st, int lo, int hi) {
        int c = 0;
        for (int i = lo + 1; i < hi; i++) {
            if (v[i] < v[i - 1] || isReset(st[i - 1], ts[i - 1], st[i], ts[i])) {
                c++;
            }
        }
        return c;
    }
}
