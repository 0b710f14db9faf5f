package io.vigia.dashboards.query;

import io.vigia.dashboards.analytics.DriftAnalyzer;
import io.vigia.dashboards.analytics.Histogram;
import io.vigia.dashboards.analytics.HistogramDrift;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.time.PromDuration;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Drift panels: PSI and Jensen–Shannon distance between a histogram's bucket counts now and in a
 * baseline window, per value of one label (a model input feature). PromQL has no such function,
 * so the panel's query names only the histogram's {@code _bucket} series (a selector); the bucket
 * increases are fetched from the panel's source, remote or embedded, and scored here with
 * {@link DriftAnalyzer}, the same code as the weekly report's drift table.
 *
 * <ul>
 * <li>{@code STATUS} (a table): the dashboard's range against the period of equal length before
 *     it. One row per feature: verdict, Jensen–Shannon distance, PSI, requests now, and whether
 *     the distance is more than the windows' own variation ({@link DriftSlices}: p, q, interval).</li>
 * <li>{@code SCORE} (a time series): at each step, the trailing window (default 1 d) against the
 *     same window one baseline offset earlier (default 1 w): the Jensen–Shannon distance per
 *     feature over time.</li>
 * </ul>
 */
public final class DriftPanel {
    /** The refIds of the status table's values, one series per feature and value. */
    public static final String REF_JS = "js";
    public static final String REF_PSI = "psi";
    public static final String REF_REQUESTS = "requests";
    /**
     * The refIds of the status table's significance ({@link DriftSlices}): the block permutation
     * test's p-value, its Benjamini–Hochberg adjustment across the table's features, and the
     * bounds of the distance's 95% interval; NaN where no test could be made.
     */
    public static final String REF_P = "p";
    public static final String REF_Q = "q";
    public static final String REF_JS_LOW = "jsLow";
    public static final String REF_JS_HIGH = "jsHigh";

    // a score every hour at most: drift over a trailing day does not change faster, and a
    // 2-week chart stays at 336 points per feature
    private static final Duration MIN_SCORE_STEP = Duration.ofHours(1);

    private DriftPanel() {
    }

    public static boolean isDrift(Panel p) {
        return p.options().drift().active();
    }

    /**
     * @param selector the panel's query with variables expanded: the bucket series to score
     */
    static PanelData load(Panel p, MetricsSource source, String refId, String selector, TimeRange range, Duration step) {
        PanelOptions.Drift options = p.options().drift();
        String by = options.by();
        List<String> errors = new ArrayList<>();
        List<TimeSeriesData> series = new ArrayList<>();
        List<String> refIds = new ArrayList<>();
        QueryPath path = new QueryPath();
        try {
            if (options.mode() == PanelOptions.Drift.Mode.STATUS) {
                status(path, source, selector, by, range, step, series, refIds);
            } else {
                score(options, path, source, selector, by, range, step, series, refIds);
            }
        } catch (QueryException e) {
            errors.add(refId + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            errors.add(refId + ": " + e.getMessage());
        }
        return new PanelData(series, refIds, step, path.notices(), errors, path.staleSince());
    }

    private static void status(QueryPath path, MetricsSource source, String selector, String by, TimeRange range,
                               Duration step, List<TimeSeriesData> series, List<String> refIds) {
        long seconds = Math.max(1, range.length().toSeconds());
        String increase = "sum by (" + by + ", le) (increase(" + selector + "[" + seconds + "s]))";
        Map<String, Histogram> now = histograms(vector(path.instant(source, increase, range.to())), by);
        Map<String, Histogram> before = histograms(vector(path.instant(source, increase.replace("[" + seconds + "s]",
                "[" + seconds + "s] offset " + seconds + "s"), range.to())), by);
        long t = range.to().toEpochMilli();
        for (Map.Entry<String, Histogram> e : now.entrySet()) {
            Histogram c = e.getValue();
            HistogramDrift d = drift(before.get(e.getKey()), c);
            add(series, refIds, e.getKey(), REF_JS, t, d == null ? Double.NaN : d.jensenShannon().distance());
            add(series, refIds, e.getKey(), REF_PSI, t, d == null ? Double.NaN : d.psi().value());
            add(series, refIds, e.getKey(), REF_REQUESTS, t, c.total());
        }
        try {
            significance(source, selector, by, range, step, series, refIds);
        } catch (QueryException | IllegalArgumentException e) {
            // the distances stand without their test: say why the test is missing, keep the rows
            path.note("drift test not computed: " + e.getMessage());
        }
    }

    /** The p, q and interval of each feature that has a row (see {@link #REF_P}). */
    private static void significance(MetricsSource source, String selector, String by, TimeRange range, Duration step,
                                     List<TimeSeriesData> series, List<String> refIds) {
        Map<String, DriftSlices.Significance> sig = DriftSlices.test(source, selector, by, range.to(), range.length(), step);
        long t = range.to().toEpochMilli();
        for (String feature : series.stream().map(TimeSeriesData::name).distinct().toList()) {
            DriftSlices.Significance s = sig.get(feature);
            boolean tested = s != null && s.test() != null;
            add(series, refIds, feature, REF_P, t, tested ? s.test().pValue() : Double.NaN);
            add(series, refIds, feature, REF_Q, t, tested ? s.q() : Double.NaN);
            add(series, refIds, feature, REF_JS_LOW, t, tested ? s.test().interval().lower() : Double.NaN);
            add(series, refIds, feature, REF_JS_HIGH, t, tested ? s.test().interval().upper() : Double.NaN);
        }
    }

    private static void score(PanelOptions.Drift options, QueryPath path, MetricsSource source, String selector, String by, TimeRange range,
                              Duration step, List<TimeSeriesData> series, List<String> refIds) {
        String window = options.window();
        String baseline = options.baseline();
        PromDuration.parse(window); // a clear error for a typo, before any query
        PromDuration.parse(baseline);
        Duration s = step.compareTo(MIN_SCORE_STEP) < 0 ? MIN_SCORE_STEP : step;
        long stepMs = s.toMillis();
        // aligned to the step, as Grafana aligns range queries, so that refreshes hit the same points
        Instant start = Instant.ofEpochMilli(Math.floorDiv(range.from().toEpochMilli(), stepMs) * stepMs);
        Instant end = Instant.ofEpochMilli(Math.floorDiv(range.to().toEpochMilli(), stepMs) * stepMs);
        String increase = "sum by (" + by + ", le) (increase(" + selector + "[" + window + "]))";
        QueryResult now = path.range(source, increase, start, end, s);
        QueryResult before = path.range(source, increase.replace("[" + window + "]", "[" + window + "] offset " + baseline),
                start, end, s);
        int points = (int) ((end.toEpochMilli() - start.toEpochMilli()) / stepMs) + 1;
        long[] ts = new long[points];
        for (int i = 0; i < points; i++) {
            ts[i] = start.toEpochMilli() + i * stepMs;
        }
        Map<String, BucketGrid> nowGrid = grid(now, by, ts, stepMs);
        Map<String, BucketGrid> beforeGrid = grid(before, by, ts, stepMs);
        for (Map.Entry<String, BucketGrid> e : nowGrid.entrySet()) {
            BucketGrid b = beforeGrid.get(e.getKey());
            double[] js = new double[points];
            Arrays.fill(js, Double.NaN);
            if (b != null) {
                for (int i = 0; i < points; i++) {
                    HistogramDrift d = drift(b.at(i), e.getValue().at(i));
                    if (d != null) {
                        js[i] = d.jensenShannon().distance();
                    }
                }
            }
            series.add(new TimeSeriesData(e.getKey(), ts, js));
            refIds.add(REF_JS);
        }
    }

    /**
     * {@code current} scored against {@code baseline} with the default thresholds; null when there
     * is nothing to compare with (no baseline, other buckets, or an empty side).
     */
    public static HistogramDrift drift(Histogram baseline, Histogram current) {
        if (baseline == null || current == null || !baseline.sameBuckets(current) || baseline.total() <= 0
                || current.total() <= 0) {
            return null;
        }
        return DriftAnalyzer.withDefaults().histograms(baseline, current);
    }

    private static void add(List<TimeSeriesData> series, List<String> refIds, String name, String ref, long t, double v) {
        series.add(new TimeSeriesData(name, new long[] {t}, new double[] {v}));
        refIds.add(ref);
    }

    private static QueryResult.Vector vector(QueryResult r) {
        if (r instanceof QueryResult.Vector v) {
            return v;
        }
        throw new IllegalArgumentException("the drift query must select a histogram's bucket series, e.g. "
                + "vigia_model_input_feature_bucket; it returned a " + r.resultType());
    }

    private static Map<String, Histogram> histograms(QueryResult.Vector v, String by) {
        BucketHistograms h = new BucketHistograms(by);
        for (int i = 0; i < v.size(); i++) {
            h.add(v.labels()[i], v.values()[i]);
        }
        return h.histograms();
    }

    private static Map<String, BucketGrid> grid(QueryResult r, String by, long[] ts, long stepMs) {
        if (!(r instanceof QueryResult.Matrix m)) {
            throw new IllegalArgumentException("the drift query must select a histogram's bucket series; it returned a "
                    + r.resultType());
        }
        Map<String, BucketGrid> out = new LinkedHashMap<>();
        for (QueryResult.RangeSeries s : m.series()) {
            double bound = BucketHistograms.bound(s.labels().get("le"));
            if (Double.isNaN(bound)) {
                continue;
            }
            String group = s.labels().get(by);
            BucketGrid g = out.computeIfAbsent(group == null || group.isEmpty() ? "-" : group, k -> new BucketGrid(ts.length));
            for (int i = 0; i < s.size(); i++) {
                long k = (s.timestamps()[i] - ts[0]) / stepMs;
                if (k >= 0 && k < ts.length && !Double.isNaN(s.values()[i])) {
                    g.put((int) k, bound, s.values()[i]);
                }
            }
        }
        return out;
    }

    /** Cumulative bucket counts per point of the score's time axis. */
    private static final class BucketGrid {
        private final TreeSet<Double> bounds = new TreeSet<>();
        private final List<TreeMap<Double, Double>> byPoint;

        BucketGrid(int points) {
            byPoint = new ArrayList<>(java.util.Collections.nCopies(points, (TreeMap<Double, Double>) null));
        }

        void put(int point, double bound, double cumulative) {
            bounds.add(bound);
            if (byPoint.get(point) == null) {
                byPoint.set(point, new TreeMap<>());
            }
            byPoint.get(point).put(bound, cumulative);
        }

        /** The histogram at one point; null when a bucket is missing there. */
        Histogram at(int point) {
            TreeMap<Double, Double> m = byPoint.get(point);
            return m == null || m.size() != bounds.size() ? null : BucketHistograms.histogram(m);
        }
    }
}
