package io.vigia.dashboards.findings;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.datasources.bindings.BoundInput;
import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.query.CopilotQueries;
import io.vigia.datasources.bindings.query.CounterWindow;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.FeatureQueries;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.GuardrailQueries;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.bindings.query.QueryPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in dashboards' key series, watched by default, written from the source's telemetry
 * bindings (so a service instrumented with OpenTelemetry, Micrometer or Istio is watched by its own
 * names): p95 latency per service, guardrail blocks per category, the mean of each model-input
 * feature (the drift signal PromQL can give), SAST-flagged suggestions per 1,000 accepted and the
 * acceptance rate. An input the source has no binding for is not watched, and {@link Watch#notWatched}
 * says why. The rate windows are longer than the panels' {@code $__rate_interval} so that a few quiet
 * minutes are not an anomaly; the trailing-day ratios merge excursions up to 3 days apart (a level
 * shift seen through weekends' noisier days is one finding); the per-series minimum effects keep
 * tiny deviations of steady series (and counts that are usually 0) out of the list. Defaults are
 * documented in docs/statistics.md.
 */
public final class WatchedSeriesList {
    /** Vigia's own counter of accepted suggestions with SAST findings (docs/telemetry.md); no other tool has one. */
    static final String SAST_ACCEPTED = "vigia_copilot_accepted_with_sast_findings_total";

    private WatchedSeriesList() {
    }

    /** What is watched on a source, and each input that is not with the reason. */
    public record Watch(List<WatchedSeries> watched, List<String> notWatched) {
        public Watch {
            watched = List.copyOf(watched);
            notWatched = List.copyOf(notWatched);
        }
    }

    /** The default watches read as Vigia's own contract (the simulator, the demo, the importers). */
    public static List<WatchedSeries> defaults() {
        return of(ContractBindings.of("")).watched();
    }

    /** The default watches in the source's names; {@code null} bindings are read as Vigia's contract. */
    public static Watch of(SourceBindings bindings) {
        SourceBindings b = bindings == null ? ContractBindings.of("") : bindings;
        BandSettings base = BandSettings.defaults();
        List<WatchedSeries> out = new ArrayList<>();
        List<String> not = new ArrayList<>();
        latency(b, base, out, not);
        b.guardrails().ifPresentOrElse(g -> add(out, not, "guardrail blocks",
                        GuardrailQueries.blockedByCategory(g, CounterWindow.INCREASE, "1h"),
                        plan -> new WatchedSeries("guardrail-blocks", "guardrail blocks per hour", plan.promql(), plan.legend(),
                                "short", BuiltInDashboards.GUARDRAILS, WatchedSeries.Direction.UP,
                                base.withMinRelative(1.0).withMinAbsolute(20).withMinDuration(Duration.ofHours(1)),
                                Duration.ofHours(2), ChangeEvent.Kind.GUARDRAIL_SPIKE, null, null)),
                () -> not.add("guardrail blocks: " + reason(b, SemanticInput.GUARDRAIL_DECISIONS)));
        b.features().ifPresentOrElse(f -> add(out, not, "mean model input", FeatureQueries.mean(f, Filter.NONE, "1h"),
                        plan -> new WatchedSeries("feature-mean", "mean model input", plan.promql(), plan.legend(), "short",
                                BuiltInDashboards.MODEL_DRIFT, WatchedSeries.Direction.BOTH,
                                base.withMinRelative(0.3).withMinDuration(Duration.ofHours(2)), Duration.ofHours(1), null, null, null)),
                () -> not.add("mean model input: " + reason(b, SemanticInput.MODEL_INPUT_FEATURES)));
        b.copilot().ifPresentOrElse(c -> {
            // present while the suggestion counters are scraped: the trailing-day ratios need a whole day of them
            String present = "count(" + c.accepted() + ")";
            // a day's SAST-flagged count is a few dozen (Poisson noise alone moves a daily ratio by
            // 20% and more, more on weekends): the rate is taken over a trailing week
            out.add(new WatchedSeries("sast-per-1000", "SAST-flagged per 1,000 accepted (trailing 7 days)",
                    "1000 * sum(increase(" + SAST_ACCEPTED + "[7d])) / sum(increase(" + c.accepted() + "[7d]))", "", "short",
                    BuiltInDashboards.COPILOT_HEALTH, WatchedSeries.Direction.UP, base.withMinRelative(0.4)
                    .withMinDuration(Duration.ofDays(1)).withMergeGap(Duration.ofDays(3)), Duration.ofDays(7), null, present,
                    Duration.ofDays(7)));
            add(out, not, "acceptance rate", CopilotQueries.acceptanceRate(c, false, "1d"),
                    plan -> new WatchedSeries("acceptance", "acceptance rate (trailing 24 h)", plan.promql(), "", "percentunit",
                            BuiltInDashboards.COPILOT_HEALTH, WatchedSeries.Direction.BOTH, base.withMinRelative(0.15)
                            .withMinDuration(Duration.ofHours(6)).withMergeGap(Duration.ofDays(3)), Duration.ofDays(1), null,
                            present, Duration.ofDays(1)));
        }, () -> not.add("Copilot suggestions: " + reason(b, SemanticInput.COPILOT_SUGGESTIONS)));
        return new Watch(out, not);
    }

    /**
     * p95 per service; a p95 of a handful of requests (a quiet night) is not a measurement: steps
     * where the service served fewer than 100 requests in the window have no value, where the
     * request counter is grouped by the same service label as the latency.
     */
    private static void latency(SourceBindings b, BandSettings base, List<WatchedSeries> out, List<String> not) {
        if (b.latency().isEmpty()) {
            not.add("p95 latency: " + reason(b, SemanticInput.REQUEST_LATENCY));
            return;
        }
        QueryPlan p95 = HttpQueries.quantile(b.latency().get(), 0.95, Filter.NONE, Set.of(Dimension.SERVICE), "15m");
        add(out, not, "p95 latency", p95, plan -> {
            String service = plan.resultLabels().get(Dimension.SERVICE);
            String expr = plan.promql();
            QueryPlan rate = b.requests().map(r -> HttpQueries.throughput(r, Filter.NONE, Set.of(Dimension.SERVICE), "15m"))
                    .orElse(null);
            if (service != null && rate instanceof QueryPlan.Available r && Objects.equals(r.resultLabels().get(Dimension.SERVICE), service)) {
                // throughput is per second: times the window's 900 s, the requests in the window
                expr = "(" + expr + ") and on (" + service + ") ((" + r.promql() + ") * 900 >= 100)";
            }
            return new WatchedSeries("latency-p95", "p95 latency", expr, plan.legend(), "s", BuiltInDashboards.SERVICE_LATENCY,
                    WatchedSeries.Direction.UP, base.withMinRelative(0.3).withMinDuration(Duration.ofMinutes(45)),
                    Duration.ofHours(1), null, null, null);
        });
    }

    private static void add(List<WatchedSeries> out, List<String> not, String what, QueryPlan plan,
                            Function<QueryPlan.Available, WatchedSeries> watch) {
        switch (plan) {
            case QueryPlan.Available a -> out.add(watch.apply(a));
            case QueryPlan.Unavailable u -> not.add(what + ": " + u.reason());
        }
    }

    /** What the probe said the input lacks ("needs a request-latency histogram; found ..."). */
    private static String reason(SourceBindings b, SemanticInput input) {
        BoundInput in = b.input(input);
        String missing = in == null ? null : in.missing();
        if (missing != null && missing.startsWith("needs ")) {
            return missing;
        }
        return "needs " + input.need() + (missing == null ? "" : " (" + missing + ")");
    }
}
