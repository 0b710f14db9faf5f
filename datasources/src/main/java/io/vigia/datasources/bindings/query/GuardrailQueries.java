package io.vigia.datasources.bindings.query;

import io.vigia.datasources.bindings.GuardrailBinding;
import io.vigia.datasources.bindings.GuardrailCoverage;
import io.vigia.datasources.bindings.GuardrailDecisions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PromQL for the guardrail panels from a source's guardrail binding: blocked checks, all checks,
 * block rate, blocks by category (fold the result with {@code OwaspRollup} for OWASP ids) and coverage.
 */
public final class GuardrailQueries {
    private GuardrailQueries() {
    }

    /** Checks that blocked. */
    public static QueryPlan blocked(GuardrailBinding g, Set<Dimension> by, Filter filter, CounterWindow cw, String window) {
        return switch (g.decisions()) {
            case GuardrailDecisions.Labelled l -> counter(g, l.metric(), PromqlText.matchers()
                    .regex(l.label(), PromqlText.oneOf(l.blocked(), g.ignoreCase())), by, filter, cw, window, true);
            case GuardrailDecisions.SeparateCounters s -> counter(g, s.blockedMetric(), null, by, filter, cw, window, true);
        };
    }

    /**
     * Checks that did not simply pass: blocked, and for a decision label also redacted, flagged…
     * (every value not among the allowed ones). A source counting only blocks gives its blocks.
     */
    public static QueryPlan flagged(GuardrailBinding g, Set<Dimension> by, Filter filter, CounterWindow cw, String window) {
        return switch (g.decisions()) {
            case GuardrailDecisions.Labelled l when !l.allowed().isEmpty() -> counter(g, l.metric(), PromqlText.matchers()
                    .notRegex(l.label(), PromqlText.oneOf(l.allowed(), g.ignoreCase())), by, filter, cw, window, true);
            case GuardrailDecisions.Labelled l -> blocked(g, by, filter, cw, window);
            case GuardrailDecisions.SeparateCounters s -> blocked(g, by, filter, cw, window);
        };
    }

    /** Checks with one decision value ({@code redacted}); only a source with a decision label has it. */
    public static QueryPlan decision(GuardrailBinding g, String value, Set<Dimension> by, Filter filter, CounterWindow cw,
                                     String window) {
        return switch (g.decisions()) {
            case GuardrailDecisions.Labelled l -> counter(g, l.metric(), g.ignoreCase()
                    ? PromqlText.matchers().regex(l.label(), "(?i)" + PromqlText.literal(value))
                    : PromqlText.matchers().eq(l.label(), value), by, filter, cw, window, true);
            case GuardrailDecisions.SeparateCounters s -> new QueryPlan.Unavailable(s.blockedMetric()
                    + " counts blocks only: no \"" + value + "\" decision");
        };
    }

    /** Every check that was counted, whatever its outcome: the denominator of the block rate. */
    public static QueryPlan checks(GuardrailBinding g, Set<Dimension> by, Filter filter, CounterWindow cw, String window) {
        return switch (g.decisions()) {
            case GuardrailDecisions.Labelled l -> counter(g, l.metric(), null, by, filter, cw, window, true);
            case GuardrailDecisions.SeparateCounters s -> counter(g, s.totalMetric(), null, by, filter, cw, window, false);
        };
    }

    /** Blocked checks over all checks (0..1). */
    public static QueryPlan blockRate(GuardrailBinding g, Set<Dimension> by, Filter filter, String window) {
        QueryPlan blocked = blocked(g, by, filter, CounterWindow.INCREASE, window);
        QueryPlan all = checks(g, by, filter, CounterWindow.INCREASE, window);
        if (!(blocked instanceof QueryPlan.Available b)) {
            return blocked;
        }
        if (!(all instanceof QueryPlan.Available a)) {
            return all;
        }
        return new QueryPlan.Available("(" + b.promql() + ") / (" + a.promql() + ")", b.resultLabels(), b.notes());
    }

    /**
     * Blocked checks by the vendor's category label, for {@code OwaspRollup}; unavailable when the
     * source names no category (NeMo counts blocks by direction only).
     */
    public static QueryPlan blockedByCategory(GuardrailBinding g, CounterWindow cw, String window) {
        return blocked(g, Set.of(Dimension.CATEGORY), Filter.NONE, cw, window);
    }

    /** Checks that decided, checks that did not (errors, not run), and the decided share. */
    public record CoveragePlan(QueryPlan decided, QueryPlan notDecided, QueryPlan share, List<String> notes) {
        public CoveragePlan {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Coverage: a guardrail that errors or is skipped makes no decision, and a fail-open guardrail
     * lets the request through; the share of checks that decided shows it. Unknown when the source
     * counts neither errors nor the requests that should have been checked, and then says so.
     */
    public static CoveragePlan coverage(GuardrailBinding g, String window) {
        GuardrailCoverage c = g.coverage();
        List<String> notes = new ArrayList<>();
        if (!c.isKnown()) {
            QueryPlan unknown = new QueryPlan.Unavailable("coverage unknown: the source counts no guardrail errors and no "
                    + "requests to compare with, so a guardrail that fails open looks the same as one that passes");
            return new CoveragePlan(unknown, unknown, unknown, List.of());
        }
        String total = "(" + checks(g, Set.of(), Filter.NONE, CounterWindow.INCREASE, window).promql() + " or vector(0))";
        String errors = c.errorsMetric() == null ? "vector(0)"
                : "(sum(increase(" + c.errorsMetric() + "[" + window + "])) or vector(0))";
        String notRun = "vector(0)";
        if (c.requestsMetric() != null) {
            notRun = "clamp_min((sum(increase(" + c.requestsMetric() + "[" + window + "])) or vector(0)) - " + total + ", 0)";
        } else {
            notes.add("checks that never ran are not counted: the source has no request counter to compare with");
        }
        if (c.errorsMetric() == null) {
            notes.add("errors are not counted: a check that failed is not told apart from one that passed");
        }
        String decided = "clamp_min(" + total + " - " + errors + ", 0)";
        String notDecided = errors + " + " + notRun;
        String share = decided + " / (" + total + " + " + notRun + ")";
        return new CoveragePlan(new QueryPlan.Available(decided, Map.of(), notes),
                new QueryPlan.Available(notDecided, Map.of(), notes),
                new QueryPlan.Available(share, Map.of(), notes), notes);
    }

    private static QueryPlan counter(GuardrailBinding g, String metric, PromqlText.Matchers outcome, Set<Dimension> by,
                                     Filter filter, CounterWindow cw, String window, boolean carriesLabels) {
        PromqlText.Matchers m = PromqlText.matchers();
        if (outcome != null) {
            m.addAll(outcome);
        }
        List<String> group = new ArrayList<>();
        Map<Dimension, String> result = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            boolean grouped = by.contains(d);
            if (!grouped && !filter.selects(d)) {
                continue;
            }
            String label = carriesLabels || d == Dimension.APP ? labelOf(g, d) : null;
            if (label == null) {
                return new QueryPlan.Unavailable(metric + " has no label for " + d.name().toLowerCase(java.util.Locale.ROOT));
            }
            if (filter.get(d) != null && g.ignoreCase()) {
                m.regex(label, "(?i)" + PromqlText.literal(filter.get(d)));
            } else if (filter.get(d) != null) {
                m.eq(label, filter.get(d));
            }
            if (filter.regex(d) != null) {
                m.regex(label, (g.ignoreCase() ? "(?i)" : "") + filter.regex(d));
            }
            if (grouped) {
                group.add(label);
                result.put(d, label);
            }
        }
        return new QueryPlan.Available("sum " + PromqlText.by(group) + "(" + cw.function() + "(" + m.on(metric) + "["
                + window + "]))", result, List.of());
    }

    private static String labelOf(GuardrailBinding g, Dimension d) {
        return switch (d) {
            case CATEGORY -> g.categoryLabel();
            case DIRECTION -> g.directionLabel();
            case DETECTOR -> g.detectorLabel();
            case APP -> g.appLabel();
            case SERVICE, ROUTE, FEATURE, MODEL, TEAM -> throw new IllegalArgumentException("guardrail checks have no " + d);
        };
    }
}
