package io.vigia.dashboards.findings;

import io.vigia.dashboards.analytics.stats.BenjaminiHochberg;
import io.vigia.dashboards.analytics.stats.BlockBootstrap;
import io.vigia.dashboards.analytics.stats.Estimator;
import io.vigia.dashboards.analytics.stats.TwoSampleTest;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What changed" in a selected region of a chart, as Honeycomb's BubbleUp does: for every label of
 * the selected series and every value it takes, the share of the total that value has in the
 * region against its share in the baseline before it. Shares are taken per step (the value's
 * increase over the total's), and the region's mean share is compared with the baseline's by the
 * block bootstrap (consecutive steps are not independent), the p-values adjusted with
 * Benjamini–Hochberg across every row. Rows are ranked by the size of the change among the
 * significant ones first.
 */
public final class WhatChanged {
    /** The false discovery rate the rows are held to. */
    public static final double ALPHA = 0.05;

    private WhatChanged() {
    }

    /** One label value: its share in the baseline and in the region, and the test of the difference. */
    public record Row(String label, String value, double baselineShare, double regionShare, TwoSampleTest test,
                      double qValue, boolean significant) {
        /** The change of share in percentage points. */
        public double changePoints() {
            return 100 * (regionShare - baselineShare);
        }
    }

    /**
     * How a step of a series is read before shares are taken: a counter by its increase over the
     * step, a gauge by its mean over the step (the increase of a gauge means nothing). Which one
     * is told by the metric's name, as Prometheus's naming conventions have it: a counter ends in
     * {@code _total}, a histogram's or summary's counters in {@code _count}, {@code _sum} and
     * {@code _bucket} (prometheus.io/docs/practices/naming; OpenMetrics' counter suffix).
     */
    public enum Reading {
        INCREASE("increase", "Increase"), MEAN("avg_over_time", "Mean");

        private static final Pattern NAME = Pattern.compile(
                "^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)|__name__\\s*=\\s*\"([^\"]*)\"");
        private final String function;
        private final String label;

        Reading(String function, String label) {
            this.function = function;
            this.label = label;
        }

        /** "Increase", "Mean": how the rows' values were read, for the text above them. */
        public String label() {
            return label;
        }

        /** The reading for the metric a selector names; a selector without a name is read as a gauge. */
        public static Reading of(String selector) {
            Matcher m = NAME.matcher(selector);
            String name = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "";
            return name.endsWith("_total") || name.endsWith("_count") || name.endsWith("_sum") || name.endsWith("_bucket")
                    ? INCREASE : MEAN;
        }
    }

    /** Series on one step grid: per series, its increase (or mean, for a gauge) at each step (NaN: no data). */
    public record Window(List<Labels> labels, List<double[]> increases) {
    }

    /** The series of {@code selector}, read as its name says ({@link Reading#of}), per step over the region and over the baseline. */
    public static List<Row> load(MetricsSource source, String selector, TimeRange region, TimeRange baseline, Duration step)
            throws QueryException {
        Reading reading = Reading.of(selector);
        return compare(window(source, reading, selector, baseline, step), window(source, reading, selector, region, step));
    }

    private static Window window(MetricsSource source, Reading reading, String selector, TimeRange range, Duration step)
            throws QueryException {
        QueryResult r = source.queryRange(reading.function + "(" + selector + "[" + step.toSeconds() + "s])", range.from(),
                range.to(), step).result();
        int n = (int) (range.length().toMillis() / step.toMillis()) + 1;
        List<Labels> labels = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        if (r instanceof QueryResult.Matrix m) {
            for (QueryResult.RangeSeries s : m.series()) {
                double[] v = new double[n];
                java.util.Arrays.fill(v, Double.NaN);
                for (int i = 0; i < s.size(); i++) {
                    long k = (s.timestamps()[i] - range.from().toEpochMilli()) / step.toMillis();
                    if (k >= 0 && k < n) {
                        v[(int) k] = s.values()[i];
                    }
                }
                labels.add(s.labels());
                values.add(v);
            }
        }
        return new Window(labels, values);
    }

    /** The rows for every label and value of the series, ranked. Pure. */
    public static List<Row> compare(Window baseline, Window region) {
        TreeSet<String> names = new TreeSet<>();
        for (Window w : List.of(baseline, region)) {
            for (Labels l : w.labels()) {
                l.forEach((k, v) -> {
                    if (!k.equals(Labels.METRIC_NAME)) {
                        names.add(k);
                    }
                });
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            Map<String, double[][]> b = shares(baseline, name);
            Map<String, double[][]> r = shares(region, name);
            TreeSet<String> values = new TreeSet<>(b.keySet());
            values.addAll(r.keySet());
            if (values.size() < 2) {
                continue; // one value only: it cannot explain a change
            }
            for (String value : values) {
                double[] sb = perStep(b.get(value), baseline);
                double[] sr = perStep(r.get(value), region);
                if (count(sb) < 2 || count(sr) < 2) {
                    continue;
                }
                TwoSampleTest t = BlockBootstrap.withDefaults().compare(sb, sr, Estimator.MEAN);
                rows.add(new Row(name, value, t.before(), t.after(), t, Double.NaN, false));
            }
        }
        double[] q = BenjaminiHochberg.adjust(rows.stream().mapToDouble(x -> x.test().pValue()).toArray());
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row x = rows.get(i);
            out.add(new Row(x.label(), x.value(), x.baselineShare(), x.regionShare(), x.test(), q[i], q[i] < ALPHA));
        }
        out.sort(Comparator.comparing((Row x) -> !x.significant()).thenComparingDouble(x -> -Math.abs(x.changePoints())));
        return out;
    }

    /** Per value of {@code name}: {sum of its increases per step, total per step}. */
    private static Map<String, double[][]> shares(Window w, String name) {
        Map<String, double[][]> out = new TreeMap<>();
        int n = w.increases().isEmpty() ? 0 : w.increases().getFirst().length;
        for (int s = 0; s < w.labels().size(); s++) {
            String v = w.labels().get(s).get(name);
            double[] part = out.computeIfAbsent(v == null ? "" : v, k -> new double[1][n])[0];
            double[] inc = w.increases().get(s);
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(inc[i])) {
                    part[i] += inc[i];
                }
            }
        }
        return out;
    }

    /** The value's share of the window's total at each step (NaN where the total is 0 or unknown). */
    private static double[] perStep(double[][] part, Window w) {
        int n = w.increases().isEmpty() ? 0 : w.increases().getFirst().length;
        double[] total = new double[n];
        boolean[] seen = new boolean[n];
        for (double[] inc : w.increases()) {
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(inc[i])) {
                    total[i] += inc[i];
                    seen[i] = true;
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = seen[i] && total[i] > 0 ? (part == null ? 0 : part[0][i]) / total[i] : Double.NaN;
        }
        return out;
    }

    private static int count(double[] v) {
        int c = 0;
        for (double x : v) {
            c += Double.isFinite(x) ? 1 : 0;
        }
        return c;
    }
}
