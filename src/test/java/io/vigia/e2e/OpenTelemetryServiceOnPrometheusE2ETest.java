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
import io.vigia.e2e.fixtures.OtelHttpService;
import io.vigia.e2e.fixtures.ServiceOptions;
import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A service instrumented with the OpenTelemetry Java SDK and its Prometheus exporter
 * ({@link OtelHttpService}), scraped every second by a real Prometheus, under load from the test:
 * version 1.0.0 answers in 50 ms with every 10th request a 500, then it is restarted as 2.0.0
 * ({@code service.version}), which answers in 150 ms with every 5th a 500. The bindings are found
 * by probing the Prometheus; the queries generated from them answer what the load did; the restart
 * is a deploy, at the step of its first scrape; deploy impact over the generated queries shows the
 * regression.
 */
@NeedsProgram("prometheus")
class OpenTelemetryServiceOnPrometheusE2ETest {
    static final String SERVICE = "checkout";
    static final Duration LOAD = Duration.ofSeconds(15);
    static final double PER_SECOND = 20;
    static final Duration V1_LATENCY = Duration.ofMillis(50);
    static final Duration V2_LATENCY = Duration.ofMillis(150);

    private static ScrapedService run;
    private static SourceBindings bindings;

    @BeforeAll
    static void runBothVersions() throws Exception {
        int[] ports = ScrapedService.freePorts();
        ServiceOptions v1 = new ServiceOptions(SERVICE, "1.0.0", ports[0], ports[1], V1_LATENCY, 10, false);
        run = ScrapedService.run(OtelHttpService.class, "checkout-otel", OtelHttpService.ROUTE,
                List.of(v1, v1.deployed("2.0.0", V2_LATENCY, 5)), PER_SECOND, LOAD);
        bindings = new BindingProber(ConventionCatalog.standard()).probe(run.job(), run.client(), MetricTypes.of(run.client()),
                new ProbeWindow(run.started().minusSeconds(60), Instant.now())).bindings();
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void probingBindsTheSemanticConventionHistogramWithTheServiceNameFromTargetInfo() {
        ServiceLabel fromTargetInfo = new ServiceLabel.FromInfo("service_name", "target_info", List.of("job", "instance"));
        assertThat(bindings.latency()).contains(new LatencyBinding("http_server_request_duration_seconds",
                LatencyKind.CLASSIC_HISTOGRAM, DurationUnit.SECONDS, fromTargetInfo, "http_route", Map.of(), List.of()));
        assertThat(bindings.input(SemanticInput.REQUEST_LATENCY).conventionId()).isEqualTo("otel-http-semconv");
        assertThat(bindings.requests()).contains(new RequestCountBinding("http_server_request_duration_seconds_count",
                fromTargetInfo, "http_route", new StatusLabel("http_response_status_code", "5.."), Map.of()));
        assertThat(bindings.deploys().orElseThrow().signals()).contains(
                new DeploySignal(DeploySignalKind.VERSION_LABEL, "target_info", "service_version", "service_name", List.of(), Map.of()));
    }

    @Test
    void generatedQueriesAnswerWhatTheLoadDid() {
        double[] bounds = GeneratedQueries.bucketBounds(run.client(), "http_server_request_duration_seconds_bucket",
                run.started(), Instant.now());
        assertThat(bounds).as("the semantic conventions' advised buckets, as the exporter wrote them")
                .containsExactly(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
        List<ScrapedService.Phase> phases = run.phases();
        GeneratedQueries.checkPhase(run.client(), bindings.latency().orElseThrow(), bindings.requests().orElseThrow(), SERVICE,
                phases.get(0).load(), V1_LATENCY, 0.1, bounds);
        GeneratedQueries.checkPhase(run.client(), bindings.latency().orElseThrow(), bindings.requests().orElseThrow(), SERVICE,
                phases.get(1).load(), V2_LATENCY, 0.2, bounds);
    }

    @Test
    void theRestartWithANewServiceVersionIsADeployAtItsFirstScrape() {
        DeployDetector.Detection d = new DeployDetector(run.client()).detect(bindings.deploys().orElseThrow(),
                bindings.restarts().orElse(null), run.started(), Instant.now(), ScrapedService.SCRAPE);
        assertThat(d.problems()).isEmpty();
        assertThat(d.events()).as("one deploy; the SDK exports no process start time, and Prometheus did not restart")
                .hasSize(1);
        ChangeEvent.Deploy deploy = d.deploys().getFirst();
        assertThat(deploy.service()).isEqualTo(SERVICE);
        assertThat(deploy.oldVersion()).isEqualTo("1.0.0");
        assertThat(deploy.newVersion()).isEqualTo("2.0.0");
        assertThat(deploy.metric()).isEqualTo("target_info");

        long firstSample = firstSampleMillis("target_info{service_version=\"2.0.0\"}");
        ScrapedService.Phase v1 = run.phases().get(0);
        ScrapedService.Phase v2 = run.phases().get(1);
        // a fresh JVM's first exposition can outlast the 1 s scrape timeout, so allow a few scrapes
        assertThat(firstSample).as("2.0.0 is first scraped after the old process's end, within a few scrapes of the new one's start")
                .isBetween(v1.stoppedAt().toEpochMilli(), v2.readyAt().plus(ScrapedService.SCRAPE.multipliedBy(3)).toEpochMilli());
        assertThat(deploy.timeMillis() - firstSample).as("the deploy is the first step at or after that scrape")
                .isBetween(0L, ScrapedService.SCRAPE.toMillis() - 1);
        assertThat(deploy.precisionMillis()).isEqualTo(ScrapedService.SCRAPE.toMillis());
    }

    @Test
    void deployImpactOverTheGeneratedQueriesShowsTheRegression() {
        ChangeEvent.Deploy deploy = new DeployDetector(run.client()).detect(bindings.deploys().orElseThrow(), null,
                run.started(), Instant.now(), ScrapedService.SCRAPE).deploys().getFirst();
        DeployImpact.Result r = DeployImpact.compute(run.client(), bindings, new DeployMarkers.Deploy(deploy.timeMillis(), SERVICE, "2.0.0"),
                LOAD, ScrapedService.SCRAPE, ScrapedService.RATE_WINDOW);
        DeployImpact.Row p95 = r.row(DeployImpact.Measure.P95);
        double[] bounds = GeneratedQueries.bucketBounds(run.client(), "http_server_request_duration_seconds_bucket", run.started(), Instant.now());
        GeneratedQueries.assertP95InBuckets(p95.before(), bounds, V1_LATENCY, run.phases().get(0).load(), "p95 before the deploy");
        GeneratedQueries.assertP95InBuckets(p95.after(), bounds, V2_LATENCY, run.phases().get(1).load(), "p95 after the deploy");
        assertThat(p95.significant()).isTrue();
        DeployImpact.Row errors = r.row(DeployImpact.Measure.ERROR_RATE);
        assertThat(errors.before()).isCloseTo(0.1, within(0.05));
        assertThat(errors.after()).isCloseTo(0.2, within(0.05));
        DeployImpact.Row tput = r.row(DeployImpact.Measure.THROUGHPUT);
        assertThat(tput.before()).isCloseTo(PER_SECOND, within(PER_SECOND * 0.25));
        assertThat(tput.after()).isCloseTo(PER_SECOND, within(PER_SECOND * 0.25));
    }

    /** The timestamp of the first raw sample of a series in the run, from a range-vector instant query. */
    static long firstSampleMillis(String selector) {
        QueryResult r = run.client().query(selector + "[10m]", Instant.now()).result();
        assertThat(r).isInstanceOf(QueryResult.Matrix.class);
        QueryResult.Matrix m = (QueryResult.Matrix) r;
        assertThat(m.series()).as(selector).hasSize(1);
        return m.series().getFirst().timestamps()[0];
    }
}
