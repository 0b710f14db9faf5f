package io.vigia.dashboards.query;

import io.vigia.dashboards.analytics.stats.BenjaminiHochberg;
import io.vigia.dashboards.analytics.stats.BlockBootstrap;
import io.vigia.dashboards.analytics.stats.Estimator;
import io.vigia.dashboards.analytics.stats.TwoSampleTest;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "What changed in p95 of payments after the last deploy?": p50, p95, p99 latency, 5xx share and
 * throughput of one service over a window before and after a deploy, from the HTTP histogram of
 * docs/telemetry.md. Each measure is a series of rates (over 5 minutes, or four scrape intervals
 * when scrapes are sparser, as Grafana's {@code $__rate_interval}) at one step. Consecutive steps
 * of a rate over a 5-minute window are strongly autocorrelated, so they are not compared as
 * independent samples: the medians before and after are compared with a circular block bootstrap
 * whose block length comes from each window's autocorrelation ({@link BlockBootstrap}), and the
 * five p-values of a table are adjusted with Benjamini–Hochberg; a row is significant when its
 * adjusted p-value is below {@value #ALPHA} (docs/statistics.md). Steps within the rate window
 * after the deploy mix both versions and are left out of "after" (they are still drawn).
 */
public final class DeployImpact {
    public static final String HTTP = "http_server_request_duration_seconds";
    static final Duration MIN_RATE_WINDOW = Duration.ofMinutes(5);
    static final int STEPS_PER_WINDOW = 60;
    /** The false discovery rate the rows of one table are held to. */
    public static final double ALPHA = 0.05;

    /** What is compared, with its unit for display (Grafana unit ids). */
    public enum Measure {
        P50("p50 latency", "s"), P95("p95 latency", "s"), P99("p99 latency", "s"),
        ERROR_RATE("5xx share", "percentunit"), THROUGHPUT("throughput", "reqps");

        private final String label;
        private final String unit;

        Measure(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }
    }

    /**
     * One measure: medians before and after, the change and its percent, the block-bootstrap
     * p-value, the Benjamini–Hochberg adjusted p-value across the table's rows and whether it is
     * below {@link #ALPHA}; {@code test} has the sizes, the method and the interval of the change
     * (null where a window had fewer than 2 values). {@code offsetsMs} (time from the deploy) with
     * the values for the overlay. NaN where a window had no data.
     */
    public record Row(Measure measure, String expr, double before, double after, double change, double changePercent,
                      double pValue, double qValue, boolean significant, TwoSampleTest test, long[] offsetsMs,
                      double[] values) {
        Row withQ(double q) {
            return new Row(measure, expr, before, after, change, changePercent, pValue, q, q < ALPHA, test, offsetsMs,
                    values);
        }
    }

    public record Result(Deploy deploy, Duration window, Duration step, List<Row> rows) {
        public Row row(Measure m) {
            return rows.stream().filter(r -> r.measure() == m).findFirst().orElseThrow();
        }
    }

    private DeployImpact() {
    }

    /** Blocking: five range queries on {@code source}, scraped every 15 s unless the source says otherwise. */
    public static Result compute(MetricsSource source, Deploy deploy, Duration window) throws QueryException {
        return compute(source, deploy, window, Duration.ofSeconds(15));
    }

    /** As above; {@code scrapeInterval} applies when the source does not give its own. */
    public static Result compute(MetricsSource source, Deploy deploy, Duration window, Duration scrapeInterval) throws QueryException {
        Duration scrape = source.minInterval().orElse(scrapeInterval);
        Duration rateWindow = max(MIN_RATE_WINDOW, scrape.multipliedBy(4));
        Duration step = max(scrape, Duration.ofSeconds(Math.max(15, window.toSeconds() / STEPS_PER_WINDOW)));
        String rw = rateWindow.toSeconds() + "s";
        String svc = "service=\"" + escape(deploy.service()) + "\"";
        Map<Measure, String> queries = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            queries.put(m, switch (m) {
                case P50 -> quantile("0.5", svc, rw);
                case P95 -> quantile("0.95", svc, rw);
                case P99 -> quantile("0.99", svc, rw);
                case ERROR_RATE -> "sum(rate(" + HTTP + "_count{" + svc + ",http_response_status_code=~\"5..\"}[" + rw + "])) / sum(rate("
                        + HTTP + "_count{" + svc + "}[" + rw + "]))";
                case THROUGHPUT -> "sum(rate(" + HTTP + "_count{" + svc + "}[" + rw + "]))";
            });
        }
        return compute(source, deploy, window, step, rateWindow, queries);
    }

    /**
     * The same comparison over the caller's queries, one per measure (a measure without one is left
     * out): how a source whose metrics are not named as in docs/telemetry.md is compared, with the
     * PromQL its bindings generate ({@code io.vigia.datasources.bindings.query.HttpQueries}). Each
     * query is a range query from {@code deploy - window} to {@code deploy + window} at
     * {@code step}; its rates span {@code rateWindow}, so the steps that close inside it after the
     * deploy are left out of "after".
     */
    public static Result compute(MetricsSource source, Deploy deploy, Duration window, Duration step, Duration rateWindow,
                                 Map<Measure, String> queries) throws QueryException {
        Instant at = Instant.ofEpochMilli(deploy.timeMillis());
        Instant from = at.minus(window);
        Instant to = at.plus(window);
        List<Row> rows = new ArrayList<>();
        for (Measure m : Measure.values()) {
            String expr = queries.get(m);
            if (expr == null) {
                continue;
            }
            QueryResult r = source.queryRange(expr, from, to, step).result();
            long[] ts = new long[0];
            double[] vs = new double[0];
            if (r instanceof QueryResult.Matrix matrix && !matrix.series().isEmpty()) {
                ts = matrix.series().getFirst().timestamps();
                vs = matrix.series().getFirst().values();
            }
            rows.add(row(m, expr, deploy.timeMillis(), rateWindow, ts, vs));
        }
        return new Result(deploy, window, step, adjusted(rows));
    }

    /** The rows with Benjamini–Hochberg adjusted p-values across the table. */
    static List<Row> adjusted(List<Row> rows) {
        double[] q = BenjaminiHochberg.adjust(rows.stream().mapToDouble(Row::pValue).toArray());
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(rows.get(i).withQ(q[i]));
        }
        return out;
    }

    static Row row(Measure m, String expr, long deployMs, Duration rateWindow, long[] ts, double[] vs) {
        double[] before = select(ts, vs, Long.MIN_VALUE, deployMs);
        double[] after = select(ts, vs, deployMs + rateWindow.toMillis(), Long.MAX_VALUE);
        long[] offsets = new long[ts.length];
        for (int i = 0; i < ts.length; i++) {
            offsets[i] = ts[i] - deployMs;
        }
        if (before.length < 2 || after.length < 2) {
            return new Row(m, expr, median(before), median(after), Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, null,
                    offsets, vs);
        }
        TwoSampleTest t = BlockBootstrap.withDefaults().compare(before, after, Estimator.MEDIAN);
        return new Row(m, expr, t.before(), t.after(), t.difference(), t.percentChange(), t.pValue(), Double.NaN, false, t,
                offsets, vs);
    }

    /** Finite values with {@code lo <= t < hi}. */
    private static double[] select(long[] ts, double[] vs, long lo, long hi) {
        double[] out = new double[ts.length];
        int n = 0;
        for (int i = 0; i < ts.length; i++) {
            if (ts[i] >= lo && ts[i] < hi && Double.isFinite(vs[i])) {
                out[n++] = vs[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static double median(double[] v) {
        return v.length == 0 ? Double.NaN : Estimator.MEDIAN.evaluate(v);
    }

    private static String quantile(String q, String svc, String rateWindow) {
        return String.format(Locale.ROOT, "histogram_quantile(%s, sum by (le) (rate(%s_bucket{%s}[%s])))", q, HTTP, svc, rateWindow);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A label value inside a PromQL double-quoted string. */
    static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
