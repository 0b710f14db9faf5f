package io.vigia.dashboards.query;

import io.vigia.dashboards.analytics.stats.BenjaminiHochberg;
import io.vigia.dashboards.analytics.stats.JensenShannonTest;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A drift comparison's significance: a histogram's bucket increases per slice of time in the
 * window before and the window after (one range query per window), tested per group (feature)
 * with the {@link JensenShannonTest} and adjusted with Benjamini–Hochberg across the groups of
 * one table. The {@value #EARLIER_WINDOWS} windows of the same length before the baseline join
 * the permutation pool where the store has them (the same windows in earlier weeks, for a week). Slices: about 96 per window, never shorter than 4 query steps (so that each
 * {@code increase} has several scrapes) nor than a minute; a window of fewer than
 * {@value JensenShannonTest#MIN_SLICES} slices gets no test. A slice where a bucket has no value
 * (a scrape gap) is left out.
 */
public final class DriftSlices {
    static final int TARGET_SLICES = 96;
    static final int EARLIER_WINDOWS = 3;

    private DriftSlices() {
    }

    /** A group's test with its adjusted p-value; {@code test} null (and q NaN) when it could not be computed, {@code why} says. */
    public record Significance(JensenShannonTest.Result test, double q, String why) {
        public boolean significant() {
            return test != null && q < 0.05;
        }
    }

    /** The slice length for windows of {@code length} with queries at {@code step}. */
    public static Duration slice(Duration length, Duration step) {
        long minutes = Math.max(1, (long) Math.ceil(length.toSeconds() / 60.0 / TARGET_SLICES));
        Duration s = Duration.ofMinutes(minutes);
        Duration floor = step.multipliedBy(4);
        return s.compareTo(floor) < 0 ? floor : s;
    }

    /**
     * Tests every group of the window {@code [to - length, to)} against the window of the same
     * length before it.
     *
     * @param selector the histogram's bucket series (a selector, variables expanded)
     * @param by       the label whose values are tested separately
     */
    public static Map<String, Significance> test(MetricsSource source, String selector, String by, Instant to, Duration length,
                                                 Duration step) {
        Duration slice = slice(length, step);
        Map<String, double[][]> now = slices(source, selector, by, to.minus(length), to, slice);
        Map<String, double[][]> before = slices(source, selector, by, to.minus(length.multipliedBy(2)), to.minus(length), slice);
        List<Map<String, double[][]>> earlier = new ArrayList<>();
        for (int w = EARLIER_WINDOWS + 1; w >= 2; w--) {
            earlier.add(slices(source, selector, by, to.minus(length.multipliedBy(w + 1)), to.minus(length.multipliedBy(w)), slice));
        }
        Map<String, Significance> out = new LinkedHashMap<>();
        List<String> tested = new ArrayList<>();
        List<JensenShannonTest.Result> results = new ArrayList<>();
        JensenShannonTest test = JensenShannonTest.withDefaults();
        for (Map.Entry<String, double[][]> e : now.entrySet()) {
            double[][] b = before.get(e.getKey());
            if (b == null) {
                out.put(e.getKey(), new Significance(null, Double.NaN, "no baseline"));
                continue;
            }
            try {
                results.add(test.test(earlier(earlier, e.getKey(), b), b, e.getValue()));
                tested.add(e.getKey());
            } catch (IllegalArgumentException ex) {
                out.put(e.getKey(), new Significance(null, Double.NaN, ex.getMessage()));
            }
        }
        double[] q = BenjaminiHochberg.adjust(results.stream().mapToDouble(JensenShannonTest.Result::pValue).toArray());
        for (int i = 0; i < tested.size(); i++) {
            out.put(tested.get(i), new Significance(results.get(i), q[i], ""));
        }
        return out;
    }

    /** The group's slices of the earlier windows that have its buckets, oldest first. */
    private static double[][] earlier(List<Map<String, double[][]>> windows, String group, double[][] baseline) {
        List<double[]> out = new ArrayList<>();
        for (Map<String, double[][]> w : windows) {
            double[][] s = w.get(group);
            if (s != null && s.length > 0 && baseline.length > 0 && s[0].length == baseline[0].length) {
                out.addAll(List.of(s));
            }
        }
        return out.toArray(double[][]::new);
    }

    /** Per group, slices × buckets (counts per bucket, not cumulative), in time order. */
    static Map<String, double[][]> slices(MetricsSource source, String selector, String by, Instant from, Instant to,
                                          Duration slice) {
        long sliceMs = slice.toMillis();
        int n = (int) ((to.toEpochMilli() - from.toEpochMilli()) / sliceMs);
        Map<String, double[][]> out = new LinkedHashMap<>();
        if (n < 1) {
            return out;
        }
        Instant first = from.plusMillis(sliceMs);
        Instant last = from.plusMillis(n * sliceMs);
        String expr = "sum by (" + by + ", le) (increase(" + selector + "[" + slice.toSeconds() + "s]))";
        QueryResult r = source.queryRange(expr, first, last, slice).result();
        if (!(r instanceof QueryResult.Matrix m)) {
            throw new IllegalArgumentException("the drift query must select a histogram's bucket series; it returned a "
                    + r.resultType());
        }
        Map<String, TreeMap<Double, double[]>> cumulative = new TreeMap<>();
        for (QueryResult.RangeSeries s : m.series()) {
            double bound = BucketHistograms.bound(s.labels().get("le"));
            if (Double.isNaN(bound)) {
                continue;
            }
            String group = s.labels().get(by);
            double[] values = cumulative.computeIfAbsent(group == null || group.isEmpty() ? "-" : group, k -> new TreeMap<>())
                    .computeIfAbsent(bound, k -> nans(n));
            for (int i = 0; i < s.size(); i++) {
                long k = (s.timestamps()[i] - first.toEpochMilli()) / sliceMs;
                if (k >= 0 && k < n) {
                    values[(int) k] = s.values()[i];
                }
            }
        }
        cumulative.forEach((group, byBound) -> out.put(group, counts(byBound, n)));
        return out;
    }

    /** Cumulative {@code le} counts per slice into per-bucket counts; slices with a missing bucket are dropped. */
    private static double[][] counts(TreeMap<Double, double[]> byBound, int n) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[byBound.size()];
            double running = 0;
            int b = 0;
            boolean complete = true;
            for (double[] v : byBound.values()) {
                if (Double.isNaN(v[i])) {
                    complete = false;
                    break;
                }
                // increase() extrapolates each bucket on its own: a bucket may be a hair below the one before
                double c = Math.max(running, v[i]);
                row[b++] = c - running;
                running = c;
            }
            if (complete) {
                rows.add(row);
            }
        }
        return rows.toArray(double[][]::new);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
