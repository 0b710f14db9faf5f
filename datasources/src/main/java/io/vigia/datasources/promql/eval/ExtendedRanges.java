package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.Expr;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Prometheus's extended range selectors ({@code promql-extended-range-selectors}), for float
 * samples, after promql/functions.go (extendedRate, pickOrInterpolateLeft/Right, interpolate,
 * correctForCounterResets, pickFirstSampleIndices) and engine.go (extendFloats, smoothSeries):
 * <ul>
 * <li>{@code anchored}: the window starts at the newest sample at or before its start (within the
 * lookback delta), ends at its last sample; no extrapolation.</li>
 * <li>{@code smoothed}: both ends are interpolated linearly from the samples around them.</li>
 * </ul>
 * All methods take a series' sample arrays and the index range {@code [lo, hi)} holding the
 * samples the modifier may read for one step.
 */
final class ExtendedRanges {
    /** Functions each modifier works with (functions.go AnchoredSafeFunctions, SmoothedSafeFunctions). */
    static final Set<String> ANCHORED_FUNCTIONS = Set.of("changes", "delta", "increase", "rate", "resets");
    static final Set<String> SMOOTHED_FUNCTIONS = Set.of("delta", "increase", "rate");

    private ExtendedRanges() {
    }

    /** Refuses a function the modifier does not work with, with Prometheus's message. */
    static void checkFunction(String function, Expr.SelectorModifier modifier) {
        List<String> allowed = switch (modifier) {
            case ANCHORED -> ANCHORED_FUNCTIONS.stream().sorted().toList();
            case SMOOTHED -> SMOOTHED_FUNCTIONS.stream().sorted().toList();
            case NONE -> null;
        };
        if (allowed != null && !allowed.contains(function)) {
            throw new EvalException(modifier.name().toLowerCase(java.util.Locale.ROOT)
                    + " modifier can only be used with: " + String.join(", ", allowed) + " - not with " + function);
        }
    }

    /** How far before the window's start (and, smoothed, after its end) samples are read. */
    static long before(Expr.SelectorModifier m) {
        return m == Expr.SelectorModifier.NONE ? 0 : Evaluator.LOOKBACK_MS;
    }

    static long after(Expr.SelectorModifier m) {
        return m == Expr.SelectorModifier.SMOOTHED ? Evaluator.LOOKBACK_MS : 0;
    }

    /** First index in {@code [lo, hi)} with {@code ts > t}, or {@code hi}. */
    private static int firstAfter(long[] ts, int lo, int hi, long t) {
        int a = lo;
        int b = hi;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (ts[mid] > t) {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        return a;
    }

    /** First index in {@code [lo, hi)} with {@code ts >= t}, or {@code hi}. */
    private static int firstAtOrAfter(long[] ts, int lo, int hi, long t) {
        return firstAfter(ts, lo, hi, t - 1);
    }

    static double interpolate(long t1, double y1, long t2, double y2, long t, boolean isCounter) {
        if (isCounter && y2 < y1) {
            y1 = 0; // a counter reset between the two samples: the counter restarted from zero
        }
        return y1 + (y2 - y1) * (double) (t - t1) / (double) (t2 - t1);
    }

    /**
     * rate/increase/delta over an anchored or smoothed window {@code (start, end]}; empty when the
     * window yields no result. {@code [lo, hi)} are the samples in the extended read window.
     */
    static OptionalDouble rate(long[] ts, double[] v, int lo, int hi, long start, long end, boolean smoothed,
                       boolean isCounter, boolean isRate) {
        if (hi <= lo) {
            return OptionalDouble.empty();
        }
        int last = hi - 1;
        int first = Math.max(lo, firstAfter(ts, lo, last, start) - 1);
        if (smoothed) {
            last = firstAtOrAfter(ts, lo, last, end);
        }
        if (ts[last] <= start || smoothed && ts[first] > end) {
            return OptionalDouble.empty();
        }
        double left = smoothed && ts[first] < start
                ? interpolate(ts[first], v[first], ts[first + 1], v[first + 1], start, isCounter) : v[first];
        double right = smoothed && last > lo && ts[last] > end
                ? interpolate(ts[last - 1], v[last - 1], ts[last], v[last], end, isCounter) : v[last];
        double result = right - left;
        if (isCounter) {
            // Boundary samples are already accounted for by left and right.
            int a = ts[first] <= start ? first + 1 : first;
            int b = ts[last] >= end ? last - 1 : last;
            double prev = left;
            for (int k = a; k <= b; k++) {
                if (v[k] < prev) {
                    result += prev;
                }
                prev = v[k];
            }
            if (right < prev) {
                result += prev;
            }
        }
        if (isRate) {
            result /= (end - start) / 1000.0;
        }
        return OptionalDouble.of(result);
    }

    /**
     * Where changes()/resets() over an anchored window start: the newest sample at or before the
     * window start if there is one, else the first sample; -1 when no sample lies after the start.
     */
    static int anchoredStart(long[] ts, int lo, int hi, long start) {
        int after = firstAfter(ts, lo, hi, start);
        if (after >= hi) {
            return -1;
        }
        return after > lo ? after - 1 : lo;
    }

    /**
     * The samples an anchored or smoothed range selector returns at the top level of an instant
     * query: the (possibly interpolated) value at the window start, the samples inside, the value
     * at its end (engine.go extendFloats); null when empty.
     */
    static RawSeries extend(RawSeries s, int lo, int hi, long start, long end, boolean smoothed) {
        long[] ts = s.ts();
        double[] v = s.values();
        if (hi <= lo) {
            return null;
        }
        int last = hi - 1;
        int first = Math.max(lo, firstAfter(ts, lo, last, start) - 1);
        if (smoothed) {
            last = firstAtOrAfter(ts, lo, last, end);
        }
        if (ts[last] <= start) {
            return null;
        }
        double left = smoothed && ts[first] < start
                ? interpolate(ts[first], v[first], ts[first + 1], v[first + 1], start, false) : v[first];
        double right = smoothed && last > lo && ts[last] > end
                ? interpolate(ts[last - 1], v[last - 1], ts[last], v[last], end, false) : v[last];
        int a = ts[first] <= start ? first + 1 : first;
        int b = ts[last] >= end ? last - 1 : last;
        int inner = Math.max(b - a + 1, 0);
        long[] outT = new long[inner + 2];
        double[] outV = new double[inner + 2];
        outT[0] = start;
        outV[0] = left;
        if (inner > 0) {
            System.arraycopy(ts, a, outT, 1, inner);
            System.arraycopy(v, a, outV, 1, inner);
        }
        outT[inner + 1] = end;
        outV[inner + 1] = right;
        return new RawSeries(s.labels(), outT, outV, s.dropName());
    }

    /**
     * A smoothed instant selector's value at {@code t} from the non-stale samples in
     * {@code (t - lookback, t + lookback]}: the sample at {@code t}, else the interpolation of its
     * neighbours, else the last one before it; empty when none precedes {@code t} (engine.go smoothSeries).
     */
    static OptionalDouble smoothedAt(long[] ts, double[] v, int lo, int hi, long t) {
        int i = firstAtOrAfter(ts, lo, hi, t);
        if (i < hi && ts[i] == t) {
            return OptionalDouble.of(v[i]);
        }
        if (i > lo && i < hi) {
            return OptionalDouble.of(interpolate(ts[i - 1], v[i - 1], ts[i], v[i], t, false));
        }
        if (i > lo) {
            return OptionalDouble.of(v[i - 1]);
        }
        return OptionalDouble.empty();
    }
}
