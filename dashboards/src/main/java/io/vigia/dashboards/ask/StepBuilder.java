package io.vigia.dashboards.ask;

import io.vigia.datasources.bindings.LatencyBinding;
import io.vigia.datasources.bindings.RequestCountBinding;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.bindings.query.QueryPlan;
import io.vigia.datasources.promql.parser.GoStrings;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The PromQL of a statistic. Service-level statistics go through the source's telemetry bindings
 * ({@link HttpQueries}: whatever the source calls its latency histogram, service and route);
 * copilot and guardrail statistics are the built-in dashboards' queries (docs/telemetry.md) with
 * the question's filters and breakdown. Ratios and counts over the whole range use
 * {@code $__range}, series over time {@code $__rate_interval}; the runner expands both.
 */
final class StepBuilder {
    static final String ACCEPTED = "vigia_copilot_suggestions_accepted_total";
    static final String SHOWN = "vigia_copilot_suggestions_shown_total";
    static final String GUARD = "vigia_guardrail_decisions_total";
    static final String FEATURE = "vigia_model_input_feature";
    static final String BUILD_INFO = "vigia_build_info";

    private StepBuilder() {
    }

    /** A built query, or the reason the source's bindings cannot give it. */
    record Built(String expr, String metric, String reason) {
        static Built of(String expr, String metric) {
            return new Built(expr, metric, null);
        }
    }

    /**
     * @param service     the service to select, or null
     * @param filter      other label values to select ({@code team}, {@code http_route}…)
     * @param by          the label to break down by (a label name of the source), or null
     * @param countMetric for {@link Stat#COUNT}: shown or accepted
     * @param rawMetric   for {@link Stat#RAW}: the metric, with its type
     */
    static Built build(Stat stat, AskContext ctx, String service, Map<String, String> filter, String by,
                       String countMetric, AskContext.MetricInfo rawMetric) {
        String sel = selector(filter);
        String grp = by == null ? "" : "by (" + by + ") ";
        return switch (stat) {
            case P50, P90, P95, P99, MEAN, ERROR_SHARE, THROUGHPUT -> http(stat, ctx, service, filter, by);
            case ACCEPTANCE_RATE -> Built.of(ratio(ACCEPTED, SHOWN, sel, grp), ACCEPTED);
            case LINES_ACCEPTANCE_RATE -> Built.of(ratio("vigia_copilot_lines_accepted_total",
                    "vigia_copilot_lines_suggested_total", sel, grp), "vigia_copilot_lines_accepted_total");
            case REVERTED_SHARE -> Built.of(ratio("vigia_copilot_suggestions_reverted_total", ACCEPTED, sel, grp),
                    "vigia_copilot_suggestions_reverted_total");
            case SAST_PER_1000 -> Built.of("1000 * sum " + grp + "(increase(vigia_copilot_accepted_with_sast_findings_total"
                    + sel + "[$__range])) / scalar(sum(increase(" + ACCEPTED + sel + "[$__range])))",
                    "vigia_copilot_accepted_with_sast_findings_total");
            case ACTIVE_USERS -> Built.of("sum " + grp + "(vigia_copilot_active_users" + sel + ")", "vigia_copilot_active_users");
            case COUNT -> Built.of("sum " + grp + "(increase(" + countMetric + sel + "[$__range]))", countMetric);
            case BLOCKED -> Built.of(total(GUARD, with(filter, "decision", "blocked"), grp), GUARD);
            case REDACTED -> Built.of(total(GUARD, with(filter, "decision", "redacted"), grp), GUARD);
            case PROMPT_INJECTION -> Built.of(total(GUARD, with(filter, "category", "prompt_injection"), grp), GUARD);
            case HITS -> Built.of("sort_desc(sum " + grp + "(increase(" + GUARD + selector(filter, "decision!=\"allowed\"")
                    + "[$__range])))", GUARD);
            case BLOCK_RATE -> Built.of("sum " + grp + "(increase(" + GUARD + selector(with(filter, "decision", "blocked"))
                    + "[$__range])) / sum " + grp + "(increase(" + GUARD + sel + "[$__range]))", GUARD);
            case DRIFT -> Built.of(FEATURE + "_bucket" + sel, FEATURE);
            case VERSIONS -> Built.of("max by (" + serviceLabel(ctx) + ", version) (" + BUILD_INFO
                    + (service == null ? "" : selector(Map.of(serviceLabel(ctx), service))) + ")", BUILD_INFO);
            case RAW -> raw(rawMetric, sel, grp);
        };
    }

    /** Whether a statistic is one number over the whole range (an instant query) rather than a series. */
    static boolean isTotal(Stat s) {
        return switch (s) {
            case ACCEPTANCE_RATE, LINES_ACCEPTANCE_RATE, REVERTED_SHARE, SAST_PER_1000, COUNT, BLOCKED, REDACTED,
                 PROMPT_INJECTION, HITS, BLOCK_RATE -> true;
            default -> false;
        };
    }

    static String serviceLabel(AskContext ctx) {
        return ctx.latency().service() == null ? "service" : ctx.latency().service().label();
    }

    /** The HTTP family's name as the plan shows it: the histogram's base name, or the counter's without {@code _count}. */
    static String family(String metric) {
        return metric.endsWith("_count") ? metric.substring(0, metric.length() - "_count".length()) : metric;
    }

    private static Built http(Stat stat, AskContext ctx, String service, Map<String, String> filter, String by) {
        LatencyBinding lat = ctx.latency();
        RequestCountBinding req = ctx.requests();
        Filter f = service == null ? Filter.NONE : Filter.of(Dimension.SERVICE, service);
        String routeLabel = stat == Stat.ERROR_SHARE || stat == Stat.THROUGHPUT ? req.route() : lat.route();
        if (routeLabel != null && filter.containsKey(routeLabel)) {
            f = f.and(Dimension.ROUTE, filter.get(routeLabel));
        }
        Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
        if (by != null && by.equals(serviceLabel(ctx))) {
            dims.add(Dimension.SERVICE);
        } else if (by != null && by.equals(routeLabel)) {
            dims.add(Dimension.ROUTE);
        }
        QueryPlan p = switch (stat) {
            case MEAN -> HttpQueries.mean(lat, f, dims, "$__rate_interval");
            case ERROR_SHARE -> HttpQueries.errorShare(req, f, dims, "$__rate_interval");
            case THROUGHPUT -> HttpQueries.throughput(req, f, dims, "$__rate_interval");
            default -> HttpQueries.quantile(lat, stat.quantile(), f, dims, "$__rate_interval");
        };
        String metric = stat == Stat.ERROR_SHARE || stat == Stat.THROUGHPUT ? family(req.metric()) : lat.metric();
        return switch (p) {
            case QueryPlan.Available a -> Built.of(a.promql(), metric);
            case QueryPlan.Unavailable u -> new Built(null, metric, u.reason());
        };
    }

    private static Built raw(AskContext.MetricInfo m, String sel, String grp) {
        String n = m.name();
        if (m.type().equals("counter") || n.endsWith("_total")) {
            return Built.of("sum " + grp + "(rate(" + n + sel + "[$__rate_interval]))", n);
        }
        if (m.type().equals("histogram") || n.endsWith("_count") || n.endsWith("_sum")) {
            return Built.of("sum " + grp + "(rate(" + n + sel + "[$__rate_interval]))", n);
        }
        return Built.of("sum " + grp + "(" + n + sel + ")", n);
    }

    private static String ratio(String num, String den, String sel, String grp) {
        return "sum " + grp + "(increase(" + num + sel + "[$__range])) / sum " + grp + "(increase(" + den + sel + "[$__range]))";
    }

    private static String total(String metric, Map<String, String> filter, String grp) {
        String sum = "sum " + grp + "(increase(" + metric + selector(filter) + "[$__range]))";
        return grp.isEmpty() ? sum : "sort_desc(" + sum + ")";
    }

    private static Map<String, String> with(Map<String, String> filter, String label, String value) {
        Map<String, String> m = new TreeMap<>(filter);
        m.put(label, value);
        return m;
    }

    static String selector(Map<String, String> filter, String... extra) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(filter).forEach((k, v) -> parts.add(k + "=" + GoStrings.quote(v)));
        parts.addAll(List.of(extra));
        return parts.isEmpty() ? "" : "{" + String.join(",", parts) + "}";
    }
}
