package io.vigia.dashboards.chart.reduce;

import io.vigia.dashboards.chart.axis.TimeScale;
import java.util.Arrays;

/**
 * M4 reduction (Jugel et al., PVLDB 7(10), 2014): per pixel column keep the first, minimum,
 * maximum and last point. Between first and last the minimum and maximum are drawn in either
 * order: on one x the vertical runs cover [min, max] either way, and the joins to the neighbouring
 * columns are at the first and last points, which stay in place. A line through those points covers exactly
 * the pixels a line through every point covers, because inside one column every segment is a
 * vertical run between the column's extremes, and the segments between columns are kept as
 * they are. For that to hold the x of every point is snapped to its column's centre — which is
 * what a renderer does anyway once there are several points per pixel (uPlot does the same).
 * NaN values break the line: each run between gaps is reduced on its own.
 *
 * <p>Written by hand: it is one loop over primitive arrays that must not allocate per point,
 * and no maintained Java library offers it over {@code long[]/double[]}.
 */
public final class M4 {

    /** Reduce once there are at least this many points per pixel column. */
    public static final int DENSITY_THRESHOLD = 4;

    private M4() {
    }

    /** Whether {@code pointCount} points across {@code plotWidth} pixels are dense enough to reduce. */
    public static boolean shouldReduce(int pointCount, double plotWidth) {
        return pointCount >= DENSITY_THRESHOLD * Math.max(1, plotWidth);
    }

    /** The pixel column a time falls in. */
    public static int column(long t, TimeScale scale) {
        return column(t, scale.from(), pxPerMs(scale), scale.left());
    }

    // the one formula for a sample's column, shared by reduce() and snapped() so they never disagree by rounding
    private static int column(long t, long t0, double pxPerMs, double left) {
        return (int) Math.floor((t - t0) * pxPerMs + left);
    }

    /** The first index in [from, to) whose timestamp is at least {@code t} (to if none): gallop, then bisect. */
    static int firstAtOrAfter(long[] ts, int from, int to, long t) {
        if (from >= to || ts[from] >= t) {
            return from;
        }
        int step = 1;
        int lo = from; // ts[lo] < t
        while (lo + step < to && ts[lo + step] < t) {
            lo += step;
            step <<= 1;
        }
        int hi = Math.min(to, lo + step); // ts[hi] >= t, or hi == to
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] < t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** As {@link #firstAtOrAfter(long[], int, int, long)}, searching outward from a guess. */
    static int firstAtOrAfter(long[] ts, int from, int to, long t, int hint) {
        int h = Math.max(from, Math.min(to, hint));
        if (h < to && ts[h] < t) {
            return firstAtOrAfter(ts, h, to, t);
        }
        if (h > from && ts[h - 1] >= t) {
            int hi = h - 1; // ts[hi] >= t
            int step = 1;
            int lo = hi - step;
            while (lo > from && ts[lo] >= t) {
                hi = lo;
                step <<= 1;
                lo = hi - step;
            }
            return lo <= from ? firstAtOrAfter(ts, from, hi + 1, t) : firstAtOrAfter(ts, lo, hi + 1, t);
        }
        return h;
    }

    /** The first time whose column is after {@code c}, consistent with {@link #column} to the millisecond. */
    private static long columnEnd(int c, long t0, double pxPerMs, double left) {
        double guess = Math.ceil((c + 1 - left) / pxPerMs);
        if (!(guess < 4e18)) {
            return Long.MAX_VALUE;
        }
        long t = t0 + (long) guess;
        while (column(t - 1, t0, pxPerMs, left) > c) {
            t--;
        }
        while (column(t, t0, pxPerMs, left) <= c) {
            t++;
        }
        return t;
    }

    private static double pxPerMs(TimeScale scale) {
        return (scale.right() - scale.left()) / (double) (scale.to() - scale.from());
    }

    /** Every point of [from, to) with x snapped to its column centre — the reference M4 must match. */
    public static Polyline snapped(long[] ts, double[] values, int from, int to, TimeScale scale) {
        int n = Math.max(0, to - from);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = column(ts[from + i], scale) + 0.5;
            y[i] = values[from + i];
        }
        return new Polyline(x, y, n);
    }

    /** Every point of [from, to) at its exact x, for sparse data that is not reduced. */
    public static Polyline exact(long[] ts, double[] values, int from, int to, TimeScale scale) {
        int n = Math.max(0, to - from);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale.toPixel(ts[from + i]);
            y[i] = values[from + i];
        }
        return new Polyline(x, y, n);
    }

    /** M4 over indices [from, to); x snapped to column centres. */
    public static Polyline reduce(long[] ts, double[] values, int from, int to, TimeScale scale) {
        long t0 = scale.from();
        double pxPerMs = pxPerMs(scale);
        double left = scale.left();
        int columns = (int) Math.ceil(scale.right() - scale.left()) + 2;
        Out out = new Out(Math.min(Math.max(0, to - from), 4 * columns + 16));

        // samples per millisecond over the whole range, for guessing where each column ends
        double density = to - from > 1 && ts[to - 1] > ts[from] ? (to - 1 - from) / (double) (ts[to - 1] - ts[from]) : 0;
        boolean gapPending = false;
        int i = from;
        while (i < to) {
            double v = values[i];
            if (v != v) { // NaN: a gap
                gapPending = true;
                i++;
                continue;
            }
            int c = column(ts[i], t0, pxPerMs, left);
            if (gapPending) {
                if (out.size > 0) {
                    out.add(c + 0.5, Double.NaN);
                }
                gapPending = false;
            }
            int firstI = i;
            // the rest of this column: find where it ends in the timestamps (galloping search,
            // O(log) per column), then scans of the values alone up to there
            long limit = columnEnd(c, t0, pxPerMs, left);
            // where the column ends if the samples are evenly spaced (scrapes are): usually exact,
            // else the search gallops from there instead of from the column's start
            double guess = i + (limit - ts[i]) * density;
            int end = firstAtOrAfter(ts, i + 1, to, limit, guess < to ? (int) Math.ceil(guess) : to);
            // fast path: a branch-free min/max over the column, which the JIT vectorises like a
            // plain scan (a branchy one would mispredict: inside one column a random walk sets a
            // new extreme every few dozen points). A NaN propagates and sends us to the slow path.
            double mn = v;
            double mx = v;
            for (int j = i + 1; j < end; j++) {
                double w = values[j];
                mn = Math.min(mn, w);
                mx = Math.max(mx, w);
            }
            if (mn == mn && mx == mx) {
                // every point of the column has its x, so the vertical runs between them cover
                // [min, max] whatever their order: no need to find which extreme came first
                emitValues(out, c + 0.5, v, mn, mx, values[end - 1]);
                i = end;
            } else {
                int minI = i;
                int maxI = i;
                double minV = v;
                double maxV = v;
                i++;
                while (i < end) {
                    double w = values[i];
                    if (w < minV) {
                        minV = w;
                        minI = i;
                    } else if (w > maxV) {
                        maxV = w;
                        maxI = i;
                    } else if (w != w) {
                        break;
                    }
                    i++;
                }
                emitColumn(out, c, values, firstI, minI, maxI, i - 1);
            }
        }
        return new Polyline(out.x, out.y, out.size);
    }

    /**
     * One point per pixel column: the column's maximum (NaN values skipped). Stacked areas fill
     * between such envelopes when dense, so a noisy band does not zigzag into its neighbours.
     */
    public static Polyline maxEnvelope(long[] ts, double[] values, int from, int to, TimeScale scale) {
        long t0 = scale.from();
        double pxPerMs = pxPerMs(scale);
        double left = scale.left();
        int columns = (int) Math.ceil(scale.right() - scale.left()) + 2;
        Out out = new Out(Math.min(Math.max(0, to - from), columns + 8));
        int col = Integer.MIN_VALUE;
        double max = Double.NaN;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (v != v) {
                continue;
            }
            int c = column(ts[i], t0, pxPerMs, left);
            if (c != col) {
                if (col != Integer.MIN_VALUE) {
                    out.add(col + 0.5, max);
                }
                col = c;
                max = v;
            } else if (v > max) {
                max = v;
            }
        }
        if (col != Integer.MIN_VALUE) {
            out.add(col + 0.5, max);
        }
        return new Polyline(out.x, out.y, out.size);
    }

    /** first, min, max, last on one x; consecutive equal values are one point. */
    private static void emitValues(Out out, double x, double first, double e1, double e2, double last) {
        // e1, e2: the column's minimum and maximum
        out.add(x, first);
        double prev = first;
        if (e1 != prev) {
            out.add(x, e1);
            prev = e1;
        }
        if (e2 != prev) {
            out.add(x, e2);
            prev = e2;
        }
        if (last != prev) {
            out.add(x, last);
        }
    }

    private static void emitColumn(Out out, int col, double[] values, int firstI, int minI, int maxI, int lastI) {
        double x = col + 0.5;
        out.add(x, values[firstI]);
        int a = Math.min(minI, maxI);
        int b = Math.max(minI, maxI);
        if (a != firstI) {
            out.add(x, values[a]);
        }
        if (b != a && b != firstI) {
            out.add(x, values[b]);
        }
        if (lastI != b && lastI != firstI) {
            out.add(x, values[lastI]);
        }
    }

    private static final class Out {
        double[] x;
        double[] y;
        int size;

        Out(int capacity) {
            x = new double[Math.max(8, capacity)];
            y = new double[x.length];
        }

        void add(double px, double v) {
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                y = Arrays.copyOf(y, size * 2);
            }
            x[size] = px;
            y[size] = v;
            size++;
        }
    }
}
