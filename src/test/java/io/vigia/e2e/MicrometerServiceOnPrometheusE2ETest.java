package io.vigia.e2e;

import io.vigia.dashboards.query.DeployImpact;
import io.vigia.dashboards.query.DeployMarkers;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.DeploySignal;
import io.vigia.datasources.bindings.DeploySignalKind;
import io.vigia.datasources.bindings.DurationUnit;
import io.vigia.datasources.bindings.LatencyBinding;
import io.vigia.datasources.bindings.LatencyKind;
import io.vigia.datasources.bindings.RequestCountBinding;
import io.vigia.datasources.bindings.RestartBinding;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.ServiceLabel;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.StatusLabel;
import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.deploy.ChangeEvent;
import io.vigia.datasources.bindings.deploy.DeployDetector;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.bindings.query.QueryPlan;
import io.vigia.e2e.fixtures.MicrometerHttpService;
import io.vigia.e2e.fixtures.ServiceOptions;
import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two services instrumented with Micrometer's Prometheus registry as Spring Boot instruments them
 * ({@link MicrometerHttpService}), each scraped every second by its own real Prometheus (which
 * scrapes itself too, as every default Prometheus does), under load from the test:
 * <ul>
 * <li>{@code payments} with a percentile histogram: 1.0.0 (50 ms, every 10th a 500), then restarted
 * as 2.0.0 (150 ms, every 5th a 500). Bound by probing; generated queries match the load; the
 * restart is a deploy (its {@code app_build_info} version) and a restart
 * ({@code process_start_time_seconds}) that belongs to it; deploy impact shows the regression.</li>
 * <li>{@code ledger} without a histogram (Micrometer then exposes count, sum and max only): latency
 * is bound as the mean, quantiles say why they are not there, and the mean matches the load.</li>
 * </ul>
 */
@NeedsProgram("prometheus")
class MicrometerServiceOnPrometheusE2ETest {
    static final Duration LOAD = Duration.ofSeconds(15);
    static final double PER_SECOND = 20;
    static final Duration V1_LATENCY = Duration.ofMillis(50);
    static final Duration V2_LATENCY = Duration.ofMillis(150);
    static final Duration MEAN_ONLY_LATENCY = Duration.ofMillis(30);

    private static ScrapedService payments;
    private static ScrapedService ledger;
    private static SourceBindings paymentsBindings;
    private static SourceBindings ledgerBindings;

    @BeforeAll
    static void runBothServices() throws Exception {
        int[] p = ScrapedService.freePorts();
        int[] l = ScrapedService.freePorts();
        ServiceOptions v1 = new ServiceOptions("payments", "1.0.0", p[0], p[1], V1_LATENCY, 10, true);
        ServiceOptions meanOnly = new ServiceOptions("ledger", "3.1.0", l[0], l[1], MEAN_ONLY_LATENCY, 10, false);
        // the two runs are independent: side by side they take the time of one
        CompletableFuture<ScrapedService> withHistogram = CompletableFuture.supplyAsync(() -> run(
                List.of(v1, v1.deployed("2.0.0", V2_LATENCY, 5)), "payments-spring"));
        CompletableFuture<ScrapedService> withoutHistogram = CompletableFuture.supplyAsync(() -> run(List.of(meanOnly), "ledger-spring"));
        payments = withHistogram.join();
        ledger = withoutHistogram.join();
        paymentsBindings = probe(payments);
        ledgerBindings = probe(ledger);
    }

    private static ScrapedService run(List<ServiceOptions> versions, String job) {
        try {
            return ScrapedService.run(MicrometerHttpService.class, job, MicrometerHttpService.URI, versions, PER_SECOND, LOAD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SourceBindings probe(ScrapedService s) {
        return new BindingProber(ConventionCatalog.standard()).probe(s.job(), s.client(), MetricTypes.of(s.client()),
                new ProbeWindow(s.started().minusSeconds(60), Instant.now())).bindings();
    }

    @AfterAll
    static void stop() {
        if (payments != null) {
            payments.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void probingBindsSpringBootsTimerApplicationTagBuildInfoAndStartTime() {
        ServiceLabel application = new ServiceLabel.OnSeries("application");
        assertThat(paymentsBindings.latency()).contains(new LatencyBinding("http_server_requests_seconds",
                LatencyKind.CLASSIC_HISTOGRAM, DurationUnit.SECONDS, application, "uri", Map.of(), List.of()));
        assertThat(paymentsBindings.input(SemanticInput.REQUEST_LATENCY).conventionId()).isEqualTo("micrometer-spring-boot");
        assertThat(paymentsBindings.requests()).contains(new RequestCountBinding("http_server_requests_seconds_count",
                application, "uri", new StatusLabel("status", "5.."), Map.of()));
        assertThat(paymentsBindings.deploys().orElseThrow().signals()).contains(
                new DeploySignal(DeploySignalKind.VERSION_LABEL, "app_build_info", "version", "application", List.of(), Map.of()));
        assertThat(paymentsBindings.restarts()).contains(new RestartBinding("process_start_time_seconds", "application", "instance"));
    }

    @Test
    void withoutAHistogramTheTimerIsBoundAsTheMean() {
        LatencyBinding latency = ledgerBindings.latency().orElseThrow();
        assertThat(latency).as("Spring Boot's timer, not the Prometheus's own HTTP histogram beside it")
                .isEqualTo(new LatencyBinding("http_server_requests_seconds", LatencyKind.MEAN_ONLY, DurationUnit.SECONDS,
                        new ServiceLabel.OnSeries("application"), "uri", Map.of(), List.of()));
        assertThat(ledgerBindings.input(SemanticInput.REQUEST_LATENCY).notes()).anyMatch(n -> n.startsWith("mean latency only"));
        QueryPlan mean = HttpQueries.mean(latency, Filter.of(Dimension.SERVICE, "ledger"), Set.of(), "10s");
        assertThat(((QueryPlan.Available) mean).notes()).containsExactly(
                "mean latency: the source has no buckets (only _sum and _count), so no quantiles");
        GeneratedQueries.checkPhase(ledger.client(), latency, ledgerBindings.requests().orElseThrow(), "ledger",
                ledger.phases().getFirst().load(), MEAN_ONLY_LATENCY, 0.1, null);
        DeployImpact.Result impact = DeployImpact.compute(ledger.client(), ledgerBindings,
                new DeployMarkers.Deploy(ledger.phases().getFirst().readyAt().toEpochMilli(), "ledger", "1"), LOAD,
                ScrapedService.SCRAPE, ScrapedService.RATE_WINDOW);
        assertThat(impact.rows()).as("deploy impact compares what a mean-only source has, and says why not the rest")
                .allSatisfy(row -> assertThat(row.expr().startsWith("not available"))
                        .isEqualTo(row.measure() != DeployImpact.Measure.ERROR_RATE && row.measure() != DeployImpact.Measure.THROUGHPUT));
    }

    @Test
    void generatedQueriesAnswerWhatTheLoadDid() {
        double[] bounds = GeneratedQueries.bucketBounds(payments.client(), "http_server_requests_seconds_bucket",
                payments.started(), Instant.now());
        assertThat(bounds).as("Micrometer's percentile-histogram buckets").hasSizeGreaterThan(20);
        LatencyBinding latency = paymentsBindings.latency().orElseThrow();
        RequestCountBinding requests = paymentsBindings.requests().orElseThrow();
        GeneratedQueries.checkPhase(payments.client(), latency, requests, "payments", payments.phases().get(0).load(), V1_LATENCY, 0.1, bounds);
        GeneratedQueries.checkPhase(payments.client(), latency, requests, "payments", payments.phases().get(1).load(), V2_LATENCY, 0.2, bounds);
    }

    @Test
    void theRestartIsADeployAndTheRestartBelongsToIt() {
        DeployDetector.Detection d = new DeployDetector(payments.client()).detect(paymentsBindings.deploys().orElseThrow(),
                paymentsBindings.restarts().orElseThrow(), payments.started(), Instant.now(), ScrapedService.SCRAPE);
        assertThat(d.problems()).isEmpty();
        assertThat(d.deploys()).hasSize(1);
        ChangeEvent.Deploy deploy = d.deploys().getFirst();
        assertThat(List.of(deploy.service(), deploy.oldVersion(), deploy.newVersion(), deploy.metric()))
                .containsExactly("payments", "1.0.0", "2.0.0", "app_build_info");
        ScrapedService.Phase v1 = payments.phases().get(0);
        ScrapedService.Phase v2 = payments.phases().get(1);
        long firstSample = firstSampleMillis("app_build_info{version=\"2.0.0\"}");
        // a fresh JVM's first exposition can outlast the 1 s scrape timeout, so allow a few scrapes
        assertThat(firstSample).as("2.0.0 is first scraped after the old process's end, within a few scrapes of the new one's start")
                .isBetween(v1.stoppedAt().toEpochMilli(), v2.readyAt().plus(ScrapedService.SCRAPE.multipliedBy(3)).toEpochMilli());
        assertThat(deploy.timeMillis() - firstSample).as("the deploy is the first step at or after that scrape")
                .isBetween(0L, ScrapedService.SCRAPE.toMillis() - 1);

        assertThat(d.events()).as("the deploy and its restart; Prometheus itself did not restart").hasSize(2);
        ChangeEvent.Restart restart = (ChangeEvent.Restart) d.events().stream().filter(e -> e instanceof ChangeEvent.Restart)
                .findFirst().orElseThrow();
        assertThat(restart.service()).isEqualTo("payments");
        assertThat(restart.instance()).isEqualTo("127.0.0.1:" + v2.options().metricsPort());
        assertThat(restart.withDeploy()).as("the restart is the deploy's").isTrue();
        assertThat(d.bareRestarts()).isEmpty();
        QueryResult.Vector start = (QueryResult.Vector) payments.client().query(
                "process_start_time_seconds{application=\"payments\"}", v2.load().end()).result();
        assertThat(restart.timeMillis()).as("the new JVM's own start time").isEqualTo(Math.round(start.values()[0] * 1000))
                .isBetween(v1.stoppedAt().toEpochMilli(), v2.readyAt().toEpochMilli());
    }

    /** The timestamp of the first raw sample of a series in the run, from a range-vector instant query. */
    static long firstSampleMillis(String selector) {
        QueryResult.Matrix m = (QueryResult.Matrix) payments.client().query(selector + "[10m]", Instant.now()).result();
        assertThat(m.series()).as(selector).hasSize(1);
        return m.series().getFirst().timestamps()[0];
    }

    @Test
    void deployImpactOverTheGeneratedQueriesShowsTheRegression() {
        ChangeEvent.Deploy deploy = new DeployDetector(payments.client()).detect(paymentsBindings.deploys().orElseThrow(), null,
                payments.started(), Instant.now(), ScrapedService.SCRAPE).deploys().getFirst();
        DeployImpact.Result r = DeployImpact.compute(payments.client(), paymentsBindings,
                new DeployMarkers.Deploy(deploy.timeMillis(), "payments", "2.0.0"), LOAD, ScrapedService.SCRAPE, ScrapedService.RATE_WINDOW);
        DeployImpact.Row p95 = r.row(DeployImpact.Measure.P95);
        double[] bounds = GeneratedQueries.bucketBounds(payments.client(), "http_server_requests_seconds_bucket", payments.started(), Instant.now());
        GeneratedQueries.assertP95InBuckets(p95.before(), bounds, V1_LATENCY, payments.phases().get(0).load(), "p95 before the deploy");
        GeneratedQueries.assertP95InBuckets(p95.after(), bounds, V2_LATENCY, payments.phases().get(1).load(), "p95 after the deploy");
        assertThat(p95.significant()).isTrue();
        assertThat(r.row(DeployImpact.Measure.ERROR_RATE).before()).isCloseTo(0.1, within(0.05));
        assertThat(r.row(DeployImpact.Measure.ERROR_RATE).after()).isCloseTo(0.2, within(0.05));
        assertThat(r.row(DeployImpact.Measure.THROUGHPUT).before()).isCloseTo(PER_SECOND, within(PER_SECOND * 0.25));
        assertThat(r.row(DeployImpact.Measure.THROUGHPUT).after()).isCloseTo(PER_SECOND, within(PER_SECOND * 0.25));
    }
}
