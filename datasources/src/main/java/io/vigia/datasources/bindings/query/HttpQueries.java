package io.vigia.datasources.bindings.query;

import io.vigia.datasources.bindings.DurationUnit;
import io.vigia.datasources.bindings.LatencyBinding;
import io.vigia.datasources.bindings.LatencyKind;
import io.vigia.datasources.bindings.RequestCountBinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PromQL for the service panels from a source's bindings: latency quantiles and mean (always in
 * seconds), 5xx share and throughput, grouped and filtered by service and route whatever the
 * source calls them. Pure functions; {@code window} is passed through ({@code $__rate_interval}, {@code 5m}).
 */
public final class HttpQueries {
    private HttpQueries() {
    }

    /** The {@code q} quantile (0 &lt; q &lt; 1) of request latency in seconds. */
    public static QueryPlan quantile(LatencyBinding b, double q, Filter filter, Set<Dimension> by, String window) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("a quantile is between 0 and 1, got " + q);
        }
        Object scope = SeriesScope.resolve(b.service(), b.route(), b.fixed(), filter, by, b.metric());
        if (!(scope instanceof SeriesScope s)) {
            return (QueryPlan) scope;
        }
        List<String> notes = new ArrayList<>();
        String expr = switch (b.kind()) {
            case CLASSIC_HISTOGRAM -> "histogram_quantile(" + num(q) + ", sum " + PromqlText.by(s.groupWith("le"))
                    + "(" + s.range("rate", b.metric() + "_bucket", window, null) + "))";
            case NATIVE_HISTOGRAM -> "histogram_quantile(" + num(q) + ", sum " + PromqlText.by(s.groupWith())
                    + "(" + s.range("rate", b.metric(), window, null) + "))";
            case SUMMARY -> summary(b, q, s, notes);
            case MEAN_ONLY -> null;
        };
        if (b.kind() == LatencyKind.MEAN_ONLY) {
            return new QueryPlan.Unavailable(b.metric() + " has only _sum and _count: no quantiles, only the mean latency");
        }
        if (expr == null) {
            return new QueryPlan.Unavailable(b.metric() + " is a summary with the quantiles " + b.quantiles()
                    + "; " + num(q) + " is not among them");
        }
        return new QueryPlan.Available(seconds(expr, b.unit()), s.resultLabels(), notes);
    }

    /** Mean request latency in seconds: the only latency a source without buckets has. */
    public static QueryPlan mean(LatencyBinding b, Filter filter, Set<Dimension> by, String window) {
        Object scope = SeriesScope.resolve(b.service(), b.route(), b.fixed(), filter, by, b.metric());
        if (!(scope instanceof SeriesScope s)) {
            return (QueryPlan) scope;
        }
        String group = PromqlText.by(s.groupWith());
        String expr = b.kind() == LatencyKind.NATIVE_HISTOGRAM
                ? "histogram_sum(sum " + group + "(" + s.range("rate", b.metric(), window, null) + ")) / histogram_count(sum "
                + group + "(" + s.range("rate", b.metric(), window, null) + "))"
                : "sum " + group + "(" + s.range("rate", b.metric() + "_sum", window, null) + ") / sum " + group
                + "(" + s.range("rate", b.metric() + "_count", window, null) + ")";
        List<String> notes = b.kind() == LatencyKind.MEAN_ONLY
                ? List.of("mean latency: the source has no buckets (only _sum and _count), so no quantiles")
                : List.of();
        return new QueryPlan.Available(seconds(expr, b.unit()), s.resultLabels(), notes);
    }

    /** Share of requests answered with a server error (0..1). */
    public static QueryPlan errorShare(RequestCountBinding c, Filter filter, Set<Dimension> by, String window) {
        if (c.status() == null) {
            return new QueryPlan.Unavailable(c.metric() + " has no status label: the error share is unknown");
        }
        Object scope = SeriesScope.resolve(c.service(), c.route(), c.fixed(), filter, by, c.metric());
        if (!(scope instanceof SeriesScope s)) {
            return (QueryPlan) scope;
        }
        String group = PromqlText.by(s.groupWith());
        PromqlText.Matchers errors = PromqlText.matchers().regex(c.status().label(), c.status().errors());
        String all = "sum " + group + "(" + s.range("rate", c.metric(), window, null) + ")";
        // A service that never failed has no 5xx series at all (clients create a status's series on
        // its first request): "or all * 0" makes its share 0 instead of no data.
        String expr = "(sum " + group + "(" + s.range("rate", c.metric(), window, errors) + ") or " + all + " * 0) / " + all;
        return new QueryPlan.Available(expr, s.resultLabels(), List.of());
    }

    /** Requests per second. */
    public static QueryPlan throughput(RequestCountBinding c, Filter filter, Set<Dimension> by, String window) {
        Object scope = SeriesScope.resolve(c.service(), c.route(), c.fixed(), filter, by, c.metric());
        if (!(scope instanceof SeriesScope s)) {
            return (QueryPlan) scope;
        }
        return new QueryPlan.Available("sum " + PromqlText.by(s.groupWith()) + "(" + s.range("rate", c.metric(), window, null) + ")",
                s.resultLabels(), List.of());
    }

    private static String summary(LatencyBinding b, double q, SeriesScope s, List<String> notes) {
        String label = b.quantiles().stream().filter(v -> sameQuantile(v, q)).findFirst().orElse(null);
        if (label == null) {
            return null;
        }
        notes.add("summary quantiles cannot be added across instances: this is the highest instance's "
                + "p" + num(q * 100));
        return "max " + PromqlText.by(s.groupWith()) + "(" + s.instant(b.metric(), PromqlText.matchers().eq("quantile", label)) + ")";
    }

    private static boolean sameQuantile(String label, double q) {
        try {
            return Math.abs(Double.parseDouble(label) - q) < 1e-9;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String seconds(String expr, DurationUnit unit) {
        return unit == DurationUnit.SECONDS ? expr : "(" + expr + ") / " + unit.perSecond();
    }

    /** 0.95 → "0.95", 95.0 → "95": no trailing ".0" in queries and legends. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
