package io.vigia.dashboards.query;

import io.vigia.datasources.bindings.BoundInput;
import io.vigia.datasources.bindings.DeploySignal;
import io.vigia.datasources.bindings.GuardrailBinding;
import io.vigia.datasources.bindings.LatencyBinding;
import io.vigia.datasources.bindings.LatencyKind;
import io.vigia.datasources.bindings.RequestCountBinding;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.ServiceLabel;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.guardrail.OwaspMapping;
import io.vigia.datasources.bindings.query.CounterWindow;
import io.vigia.datasources.bindings.query.DeploySignalQueries;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.GuardrailQueries;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.bindings.query.QueryPlan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a {@link BoundQuery} against one source's bindings with the query generators of
 * {@code io.vigia.datasources.bindings.query}. Pure: no source is asked anything here.
 *
 * <p>Arguments every kind takes: {@code by=service,route} (group), a dimension name with a value
 * ({@code direction=input}; a value holding {@code $} is a variable and matched as a regex),
 * {@code window} (default {@code $__rate_interval}), {@code fn=increase|rate}, {@code scale=3600},
 * {@code offset=$__range} (every range selector moved back), {@code sort=desc}. Legends name
 * dimensions ({@code {{service}}}) and are rewritten to the source's labels.
 */
public final class TemplateResolver {
    private static final String RATE_INTERVAL = "$__rate_interval";
    private final OwaspMapping owasp;

    public TemplateResolver(OwaspMapping owasp) {
        this.owasp = owasp;
    }

    public Resolution resolve(BoundQuery t, SourceBindings b, String legend) {
        try {
            return switch (t.kind()) {
                case LATENCY -> latency(t, b, legend);
                case ERRORS, THROUGHPUT -> requests(t, b, legend);
                case VERSIONS -> versions(b, legend);
                case GUARD_BLOCKED, GUARD_FLAGGED, GUARD_CHECKS, GUARD_RATE, GUARD_DECISION, GUARD_OWASP, GUARD_COVERAGE ->
                        guardrail(t, b, legend);
                case LABEL_VALUES -> labelValues(t, b);
            };
        } catch (IllegalArgumentException e) {
            return new Resolution.Missing(t.text() + ": " + e.getMessage());
        }
    }

    private Resolution latency(BoundQuery t, SourceBindings b, String legend) {
        if (b.latency().isEmpty()) {
            return missing(b, SemanticInput.REQUEST_LATENCY);
        }
        LatencyBinding l = b.latency().get();
        Set<Dimension> by = by(t);
        Filter f = filter(t);
        String window = t.arg("window", RATE_INTERVAL);
        String q = t.arg("q", "mean");
        if (q.equals("mean")) {
            return ready(t, HttpQueries.mean(l, f, by, window), legend);
        }
        QueryPlan plan = HttpQueries.quantile(l, Double.parseDouble(q), f, by, window);
        if (plan instanceof QueryPlan.Unavailable u && l.kind() == LatencyKind.MEAN_ONLY) {
            if (t.arg("mean", "fallback").equals("skip")) {
                return new Resolution.Skipped("p" + percent(q) + ": " + u.reason());
            }
            return ready(t, HttpQueries.mean(l, f, by, window), legend.contains("{{") ? legend : "mean");
        }
        return ready(t, plan, legend);
    }

    private Resolution requests(BoundQuery t, SourceBindings b, String legend) {
        if (b.requests().isEmpty()) {
            return missing(b, SemanticInput.REQUEST_COUNT);
        }
        RequestCountBinding c = b.requests().get();
        String window = t.arg("window", RATE_INTERVAL);
        QueryPlan plan = t.kind() == BoundQuery.Kind.ERRORS
                ? HttpQueries.errorShare(c, filter(t), by(t), window)
                : HttpQueries.throughput(c, filter(t), by(t), window);
        return ready(t, plan, legend);
    }

    private Resolution versions(SourceBindings b, String legend) {
        if (b.deploys().isEmpty()) {
            return missing(b, SemanticInput.DEPLOY_SIGNAL);
        }
        for (DeploySignal s : b.deploys().get().signals()) {
            if (s.versionLabel() != null) {
                Map<String, String> names = new HashMap<>();
                names.put("service", s.serviceLabel());
                names.put("version", s.versionLabel());
                return new Resolution.Ready(DeploySignalQueries.series(s), legend(legend, names), List.of(), null);
            }
        }
        return new Resolution.Missing("needs a version label; the deploy signals found carry none: " + b.deploys().get().describe());
    }

    private Resolution guardrail(BoundQuery t, SourceBindings b, String legend) {
        if (b.guardrails().isEmpty()) {
            return missing(b, SemanticInput.GUARDRAIL_DECISIONS);
        }
        GuardrailBinding g = b.guardrails().get();
        Set<Dimension> by = by(t);
        Filter f = filter(t);
        CounterWindow cw = t.arg("fn", "increase").equals("rate") ? CounterWindow.RATE : CounterWindow.INCREASE;
        String window = t.arg("window", RATE_INTERVAL);
        return switch (t.kind()) {
            case GUARD_BLOCKED -> ready(t, GuardrailQueries.blocked(g, by, f, cw, window), legend);
            case GUARD_FLAGGED -> ready(t, GuardrailQueries.flagged(g, by, f, cw, window), legend);
            case GUARD_CHECKS -> ready(t, GuardrailQueries.checks(g, by, f, cw, window), legend);
            case GUARD_RATE -> ready(t, GuardrailQueries.blockRate(g, by, f, window), legend);
            case GUARD_DECISION -> ready(t, GuardrailQueries.decision(g, t.arg("value", "blocked"), by, f, cw, window), legend);
            case GUARD_OWASP -> owasp(t, g, f, cw, window, legend);
            case GUARD_COVERAGE -> coverage(t, g, window, legend);
            default -> throw new IllegalStateException(t.kind().name());
        };
    }

    /** Blocks (or every flag, {@code part=flagged}) by category, folded into OWASP classes. */
    private Resolution owasp(BoundQuery t, GuardrailBinding g, Filter f, CounterWindow cw, String window, String legend) {
        Set<Dimension> by = g.categoryLabel() == null ? Set.of() : Set.of(Dimension.CATEGORY);
        QueryPlan plan = t.arg("part", "blocked").equals("flagged")
                ? GuardrailQueries.flagged(g, by, f, cw, window)
                : GuardrailQueries.blocked(g, by, f, cw, window);
        List<String> notes = new ArrayList<>();
        if (g.categoryLabel() == null) {
            notes.add("the source counts blocks without a category, so they cannot be given an OWASP id: shown as unmapped");
        }
        Resolution r = ready(t, plan, legend);
        if (!(r instanceof Resolution.Ready ready)) {
            return r;
        }
        notes.addAll(ready.notes());
        return new Resolution.Ready(ready.promql(), ready.legend(), notes,
                new OwaspFold(owasp, g.vocabulary(), g.categoryLabel(), t.args().get("id")));
    }

    private Resolution coverage(BoundQuery t, GuardrailBinding g, String window, String legend) {
        GuardrailQueries.CoveragePlan c = GuardrailQueries.coverage(g, window);
        QueryPlan part = switch (t.arg("part", "share")) {
            case "decided" -> c.decided();
            case "not_decided" -> c.notDecided();
            case "share" -> c.share();
            default -> throw new IllegalArgumentException("part is share, decided or not_decided");
        };
        return ready(t, part, legend);
    }

    private Resolution labelValues(BoundQuery t, SourceBindings b) {
        String dim = t.arg("of", "service");
        if (!dim.equals("service")) {
            throw new IllegalArgumentException("only the service's values are offered");
        }
        if (b.requests().isPresent() && b.requests().get().service() != null) {
            return new Resolution.Ready(labelValues(b.requests().get().service(), b.requests().get().metric()), "", List.of(), null);
        }
        if (b.latency().isPresent() && b.latency().get().service() != null) {
            LatencyBinding l = b.latency().get();
            String series = l.kind() == LatencyKind.NATIVE_HISTOGRAM ? l.metric() : l.metric() + "_count";
            return new Resolution.Ready(labelValues(l.service(), series), "", List.of(), null);
        }
        return missing(b, SemanticInput.REQUEST_COUNT);
    }

    private static String labelValues(ServiceLabel s, String metric) {
        return switch (s) {
            case ServiceLabel.OnSeries o -> "label_values(" + metric + ", " + o.label() + ")";
            case ServiceLabel.FromInfo i -> "label_values(" + i.infoMetric() + ", " + i.label() + ")";
        };
    }

    private static Resolution ready(BoundQuery t, QueryPlan plan, String legend) {
        return switch (plan) {
            case QueryPlan.Unavailable u -> new Resolution.Missing(u.reason());
            case QueryPlan.Available a -> {
                Map<String, String> names = new HashMap<>();
                a.resultLabels().forEach((d, l) -> names.put(d.name().toLowerCase(Locale.ROOT), l));
                yield new Resolution.Ready(post(t, a.promql()), legend(legend, names), a.notes(), null);
            }
        };
    }

    /** Offset, scale and sort, in that order, on the generated expression. */
    private static String post(BoundQuery t, String promql) {
        String out = promql;
        String offset = t.args().get("offset");
        if (offset != null) {
            String w = "[" + t.arg("window", RATE_INTERVAL) + "]";
            out = out.replace(w, w + " offset " + offset);
        }
        String scale = t.args().get("scale");
        if (scale != null) {
            out = "(" + out + ") * " + Double.valueOf(scale).toString().replaceFirst("\\.0$", "");
        }
        if (t.arg("sort", "").equals("desc")) {
            out = "sort_desc(" + out + ")";
        }
        return out;
    }

    /** {@code {{service}}} → {@code {{job}}}: dimension names to the source's labels; others stay. */
    static String legend(String legend, Map<String, String> names) {
        String out = legend;
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue() != null) {
                out = out.replace("{{" + e.getKey() + "}}", "{{" + e.getValue() + "}}");
            }
        }
        return out;
    }

    private static Resolution missing(SourceBindings b, SemanticInput input) {
        BoundInput in = b.input(input);
        String m = in.missing();
        return new Resolution.Missing(m == null || m.isBlank() ? "needs " + input.need() : m);
    }

    private static Set<Dimension> by(BoundQuery t) {
        Set<Dimension> out = EnumSet.noneOf(Dimension.class);
        for (String d : t.list("by")) {
            out.add(dimension(d));
        }
        return out;
    }

    /** Dimension arguments: exact values, or regexes where a variable stands. */
    private static Filter filter(BoundQuery t) {
        Filter f = Filter.NONE;
        for (Map.Entry<String, String> e : t.args().entrySet()) {
            Dimension d = dimensionOrNull(e.getKey());
            if (d != null) {
                f = e.getValue().contains("$") ? f.andMatching(d, e.getValue()) : f.and(d, e.getValue());
            }
        }
        return f;
    }

    private static Dimension dimension(String name) {
        Dimension d = dimensionOrNull(name);
        if (d == null) {
            throw new IllegalArgumentException("cannot group by \"" + name + "\"");
        }
        return d;
    }

    private static Dimension dimensionOrNull(String name) {
        for (Dimension d : Dimension.values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(name)) {
                return d;
            }
        }
        return null;
    }

    private static String percent(String q) {
        return Double.toString(Double.parseDouble(q) * 100).replaceFirst("\\.0$", "");
    }
}
