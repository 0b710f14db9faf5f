package io.vigia.e2e;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.LatencyBinding;
import io.vigia.datasources.bindings.RequestCountBinding;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.bindings.query.QueryPlan;
import io.vigia.e2e.fixtures.LoadGenerator;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs the PromQL that {@link HttpQueries} generates from a source's bindings against the source,
 * and checks the numbers against what the test's load generator did: the same checks for every
 * instrumentation library.
 */
final class GeneratedQueries {
    private GeneratedQueries() {
    }

    /** The one value of an available plan at {@code at}; fails naming the plan when there is none. */
    static QueryResult.Vector one(MetricsSource source, QueryPlan plan, Instant at) {
        assertThat(plan).as("the binding can answer it").isInstanceOf(QueryPlan.Available.class);
        QueryResult r = source.query(plan.promql(), at).result();
        assertThat(r).as(plan.promql()).isInstanceOf(QueryResult.Vector.class);
        QueryResult.Vector v = (QueryResult.Vector) r;
        assertThat(v.size()).as("one series from %s", plan.promql()).isEqualTo(1);
        return v;
    }

    /**
     * The latency, error and throughput queries of one service over one phase of load (the rate
     * window inside the phase), against what the load generator sent and saw.
     *
     * @param bucketBounds the histogram's finite {@code le} bounds in seconds; null for a mean-only binding
     */
    static void checkPhase(MetricsSource source, LatencyBinding latency, RequestCountBinding requests, String service,
                           LoadGenerator.Result load, Duration serverLatency, double errorShare, double[] bucketBounds) {
        // At the end of the load, not after: once the process stops, its series (target_info too)
        // are marked stale at the next scrape, and an instant query after that finds nothing to join.
        Instant at = load.end();
        String window = (Duration.between(load.start(), load.end()).toSeconds() - 3) + "s";
        Filter filter = Filter.of(Dimension.SERVICE, service);

        QueryResult.Vector tput = one(source, HttpQueries.throughput(requests, filter, Set.of(Dimension.SERVICE), window), at);
        String serviceLabel = requests.service().label();
        assertThat(tput.labels()[0].get(serviceLabel)).as("the result names the service by " + serviceLabel).isEqualTo(service);
        assertThat(tput.values()[0]).as("throughput vs %.2f req/s sent", load.rate()).isCloseTo(load.rate(), within(load.rate() * 0.15));

        double errors = one(source, HttpQueries.errorShare(requests, filter, Set.of(), window), at).values()[0];
        assertThat(load.errorShare()).as("the load saw the injected errors").isCloseTo(errorShare, within(0.01));
        assertThat(errors).as("5xx share").isCloseTo(errorShare, within(0.025));

        double low = serverLatency.toNanos() / 1e9;
        double mean = one(source, HttpQueries.mean(latency, filter, Set.of(), window), at).values()[0];
        assertThat(mean).as("mean latency: at least the injected %s, at most what the client saw", serverLatency)
                .isBetween(low, load.meanLatency());

        QueryPlan p95 = HttpQueries.quantile(latency, 0.95, filter, Set.of(), window);
        if (bucketBounds == null) {
            assertThat(p95).isInstanceOf(QueryPlan.Unavailable.class);
            assertThat(((QueryPlan.Unavailable) p95).reason()).contains("only the mean latency");
            return;
        }
        assertP95InBuckets(one(source, p95, at).values()[0], bucketBounds, serverLatency, load, "the generated quantile");
    }

    /**
     * Checks that a p95 lies in the buckets a phase's latencies fall in: from the bucket holding
     * the injected latency to the one holding the client's p99 (every request took the injected
     * latency plus a little).
     */
    static void assertP95InBuckets(double p95, double[] bucketBounds, Duration serverLatency, LoadGenerator.Result load, String what) {
        double from = floorBound(bucketBounds, serverLatency.toNanos() / 1e9);
        double to = ceilBound(bucketBounds, load.latencyQuantile(0.99));
        assertThat(p95).as("%s: p95 within the buckets %s..%s around the injected %s", what, from, to, serverLatency).isBetween(from, to);
    }

    /** The finite {@code le} bounds of a classic histogram, ascending, in the histogram's unit. */
    static double[] bucketBounds(MetricsSource source, String bucketMetric, Instant from, Instant to) {
        List<String> le = source.labelValues("le", List.of(bucketMetric), from, to);
        return le.stream().filter(s -> !s.equals("+Inf")).mapToDouble(Double::parseDouble).sorted().toArray();
    }

    /** The largest bound at or below {@code x} (0 below the first). */
    static double floorBound(double[] bounds, double x) {
        return Arrays.stream(bounds).filter(b -> b <= x).max().orElse(0);
    }

    /** The smallest bound at or above {@code x}. */
    static double ceilBound(double[] bounds, double x) {
        return Arrays.stream(bounds).filter(b -> b >= x).min().orElse(Double.POSITIVE_INFINITY);
    }
}
