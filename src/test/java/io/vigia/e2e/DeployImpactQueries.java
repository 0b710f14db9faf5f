package io.vigia.e2e;

import io.vigia.dashboards.query.DeployImpact;
import io.vigia.datasources.bindings.LatencyBinding;
import io.vigia.datasources.bindings.RequestCountBinding;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.bindings.query.QueryPlan;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Deploy impact's five measures as PromQL generated from a source's bindings, one service, no
 * grouping: what the dashboards' wiring step is to build inside {@link DeployImpact} (its
 * binding-free {@code compute} names docs/telemetry.md's metrics). A measure the binding cannot
 * answer (quantiles of a mean-only timer) is left out.
 */
final class DeployImpactQueries {
    /** Four scrape intervals of one second, as DeployImpact takes four of the source's (its 5 min floor is for real data). */
    static final Duration RATE_WINDOW = Duration.ofSeconds(4);

    private DeployImpactQueries() {
    }

    static Map<DeployImpact.Measure, String> of(SourceBindings b, String service) {
        String w = RATE_WINDOW.toSeconds() + "s";
        Filter f = Filter.of(Dimension.SERVICE, service);
        Map<DeployImpact.Measure, String> out = new EnumMap<>(DeployImpact.Measure.class);
        LatencyBinding l = b.latency().orElseThrow();
        RequestCountBinding c = b.requests().orElseThrow();
        put(out, DeployImpact.Measure.P50, HttpQueries.quantile(l, 0.5, f, Set.of(), w));
        put(out, DeployImpact.Measure.P95, HttpQueries.quantile(l, 0.95, f, Set.of(), w));
        put(out, DeployImpact.Measure.P99, HttpQueries.quantile(l, 0.99, f, Set.of(), w));
        put(out, DeployImpact.Measure.ERROR_RATE, HttpQueries.errorShare(c, f, Set.of(), w));
        put(out, DeployImpact.Measure.THROUGHPUT, HttpQueries.throughput(c, f, Set.of(), w));
        return out;
    }

    private static void put(Map<DeployImpact.Measure, String> out, DeployImpact.Measure m, QueryPlan p) {
        if (p instanceof QueryPlan.Available a) {
            out.put(m, a.promql());
        }
    }
}
