package io.vigia.dashboards.query;

import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.bindings.query.QueryPlan;
import java.util.Set;

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
import java.util.List;
import java.util.Locale;

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

    /** As above; {@code scrapeInterval} applies when the source does not give its own. Vigia's own contract names. */
    public static Result compute(MetricsSource source, Deploy deploy, Duration window, Duration scrapeInterval) throws QueryException {
        return compute(source, ContractBindings.of(""), deploy, window, scrapeInterval);
    }

    /**
     * The measures in the source's own names ({@code bindings}): quantiles from its latency
     * histogram (a measure the source cannot give, such as quantiles without buckets, is a row
     * without values whose {@code expr} says why), the error share and throughput from its request counter.
     */
    public static Result compute(MetricsSource source, SourceBindings bindings, Deploy deploy, Duration window,
                                 Duration scrapeInterval) throws QueryException {
        Duration scrape = source.minInterval().orElse(scrapeInterval);
        Duration rateWindow = max(MIN_RATE_WINDOW, scrape.multipliedBy(4));
        Duration step = max(scrape, Duration.ofSeconds(Math.max(15, window.toSeconds() / STEPS_PER_WINDOW)));
        return compute(source, bindings, deploy, window, step, rateWindow);
    }

    /**
     * As above with the step and the rate window given: each measure is a range query from
     * {@code deploy - window} to {@code deploy + window} at {@code step}, its rates span
     * {@code rateWindow}, and the steps that close inside it after the deploy are left out of
     * "after". For short windows on fast scrapes, where the 5-minute floor would hide the change.
     */
    public static Result compute(MetricsSource source, SourceBindings bindings, Deploy deploy, Duration window,
                                 Duration step, Duration rateWindow) throws QueryException {
        String rw = rateWindow.toSeconds() + "s";
        Instant at = Instant.ofEpochMilli(deploy.timeMillis());
        Instant from = at.minus(window);
        Instant to = at.plus(window);
        Filter svc = deploy.service() == null || deploy.service().isEmpty() ? Filter.NONE : Filter.of(Dimension.SERVICE, deploy.service());
        List<Row> rows = new ArrayList<>();
        for (Measure m : Measure.values()) {
            QueryPlan plan = plan(bindings, m, svc, rw);
            if (!(plan instanceof QueryPlan.Available a)) {
                rows.add(row(m, "not available: " + ((QueryPlan.Unavailable) plan).reason(), deploy.timeMillis(), rateWindow,
                        new long[0], new double[0]));
                continue;
            }
            String expr = a.promql();
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

    private static QueryPlan plan(SourceBindings b, Measure m, Filter svc, String rw) {
        return switch (m) {
            case P50, P95, P99 -> b.latency().map(l -> HttpQueries.quantile(l, switch (m) {
                case P50 -> 0.5;
                case P95 -> 0.95;
                default -> 0.99;
            }, svc, Set.of(), rw)).orElseGet(() -> missing(b, SemanticInput.REQUEST_LATENCY));
            case ERROR_RATE -> b.requests().map(c -> HttpQueries.errorShare(c, svc, Set.of(), rw))
                    .orElseGet(() -> missing(b, SemanticInput.REQUEST_COUNT));
            case THROUGHPUT -> b.requests().map(c -> HttpQueries.throughput(c, svc, Set.of(), rw))
                    .orElseGet(() -> missing(b, SemanticInput.REQUEST_COUNT));
        };
    }

    private static QueryPlan missing(SourceBindings b, SemanticInput input) {
        String m = b.input(input).missing();
        return new QueryPlan.Unavailable(m == null ? "needs " + input.need() : m);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A label value inside a PromQL double-quoted string. */
    static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
