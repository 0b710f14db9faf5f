package io.vigia.e2e;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.DeploySignal;
import io.vigia.datasources.bindings.DeploySignalKind;
import io.vigia.datasources.bindings.DurationUnit;
import io.vigia.datasources.bindings.GuardrailBinding;
import io.vigia.datasources.bindings.GuardrailCoverage;
import io.vigia.datasources.bindings.GuardrailDecisions;
import io.vigia.datasources.bindings.LatencyBinding;
import io.vigia.datasources.bindings.LatencyKind;
import io.vigia.datasources.bindings.RequestCountBinding;
import io.vigia.datasources.bindings.ServiceLabel;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.deploy.DeployDetector;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.bindings.query.CounterWindow;
import io.vigia.datasources.bindings.query.DeploySignalQueries;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.GuardrailQueries;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.bindings.query.QueryPlan;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus 2.42 (Debian package) scraping itself, given as a source: probing binds its own
 * HTTP histogram, request counter, build info and process start time; the PromQL generated from
 * those bindings (and from the other conventions' shapes) is accepted and answered by the server.
 */
@NeedsProgram("prometheus")
class BindingsOnRealPrometheusE2ETest {
    private static PrometheusServer prometheus;
    private static PrometheusClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        prometheus = PrometheusServer.start();
        client = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS, prometheus.url().toString()).withName("self")
                .withMinInterval(Duration.ofSeconds(1)).withTimeout(Duration.ofSeconds(10)),
                SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            QueryResult r = client.query("count_over_time(prometheus_http_requests_total{handler=\"/metrics\"}[1m])", Instant.now()).result();
            if (r instanceof QueryResult.Vector v && v.size() == 1 && v.values()[0] >= 5) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Prometheus did not scrape itself 5 times within 60 s:\n" + prometheus.log());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void probingBindsPrometheussOwnHistogramCounterBuildInfoAndStartTime() {
        SourceBindings b = new BindingProber(ConventionCatalog.standard()).probe("self", client, MetricTypes.of(client),
                ProbeWindow.last(Duration.ofMinutes(10), java.time.Clock.systemUTC())).bindings();
        LatencyBinding lat = b.latency().orElseThrow();
        assertThat(lat).isEqualTo(new LatencyBinding("prometheus_http_request_duration_seconds", LatencyKind.CLASSIC_HISTOGRAM,
                DurationUnit.SECONDS, new ServiceLabel.OnSeries("job"), "handler", Map.of(), List.of()));
        RequestCountBinding req = b.requests().orElseThrow();
        assertThat(req.metric()).isEqualTo("prometheus_http_requests_total");
        assertThat(req.status().label()).isEqualTo("code");
        assertThat(b.deploys().orElseThrow().signals()).extracting(DeploySignal::metric).contains("prometheus_build_info");
        assertThat(b.restarts().orElseThrow().metric()).isEqualTo("process_start_time_seconds");
        assertThat(b.input(io.vigia.datasources.bindings.SemanticInput.GUARDRAIL_DECISIONS).missing())
                .startsWith("needs a guardrail decision counter");

        QueryResult.Vector p95 = (QueryResult.Vector) client.query(HttpQueries.quantile(lat, 0.95, Filter.NONE,
                Set.of(Dimension.SERVICE, Dimension.ROUTE), "1m").promql(), Instant.now()).result();
        assertThat(p95.size()).isPositive();
        assertThat(p95.labels()[0].get("job")).isEqualTo("prometheus");
        QueryResult.Vector tput = (QueryResult.Vector) client.query(HttpQueries.throughput(req,
                Filter.of(Dimension.ROUTE, "/metrics"), Set.of(), "5s").promql(), Instant.now()).result();
        assertThat(tput.values()[0]).as("one self-scrape a second, 5 of them at least in the window").isBetween(0.5, 2.0);

        DeployDetector.Detection d = new DeployDetector(client).detect(b.deploys().orElseThrow(), b.restarts().orElseThrow(),
                Instant.now().minus(Duration.ofMinutes(5)), Instant.now(), Duration.ofSeconds(1));
        assertThat(d.problems()).isEmpty();
        assertThat(d.events()).as("one Prometheus, never deployed or restarted in the window").isEmpty();
    }

    @Test
    void everyShapeOfGeneratedQueryIsAcceptedByPrometheus242() {
        List<String> queries = new ArrayList<>();
        ServiceLabel join = new ServiceLabel.FromInfo("service_name", "target_info", List.of("job", "instance"));
        for (LatencyKind kind : LatencyKind.values()) {
            LatencyBinding l = new LatencyBinding("prometheus_http_request_duration_seconds", kind, DurationUnit.MILLISECONDS,
                    join, "handler", Map.of("job", "prometheus"), List.of("0.95"));
            for (QueryPlan p : List.of(HttpQueries.quantile(l, 0.95, Filter.of(Dimension.SERVICE, "a\"b"), Set.of(Dimension.SERVICE), "1m"),
                    HttpQueries.mean(l, Filter.NONE, Set.of(Dimension.ROUTE), "1m"))) {
                if (p instanceof QueryPlan.Available a) {
                    queries.add(a.promql());
                }
            }
        }
        RequestCountBinding c = new RequestCountBinding("prometheus_http_requests_total", join, "handler",
                new io.vigia.datasources.bindings.StatusLabel("code", "5.."), Map.of());
        queries.add(HttpQueries.errorShare(c, Filter.NONE, Set.of(Dimension.SERVICE), "1m").promql());
        GuardrailBinding g = new GuardrailBinding(new GuardrailDecisions.Labelled("scanners_valid_total", "valid", List.of("false"), List.of()),
                "scanner", "llm-guard", "source", "scanner", "job", true, new GuardrailCoverage("x_errors_total", "kong_ai_llm_requests_total"));
        queries.add(GuardrailQueries.blockRate(g, Set.of(Dimension.APP), Filter.of(Dimension.DIRECTION, "input"), "1h").promql());
        queries.add(GuardrailQueries.coverage(g, "1h").share().promql());
        queries.add(GuardrailQueries.blockedByCategory(g, CounterWindow.RATE, "1m").promql());
        for (DeploySignalKind k : DeploySignalKind.values()) {
            boolean versioned = k == DeploySignalKind.VERSION_LABEL || k == DeploySignalKind.IMAGE_TAG;
            queries.add(DeploySignalQueries.series(new DeploySignal(k, "prometheus_build_info", versioned ? "version" : null, "job",
                    List.of("instance"), Map.of())));
        }
        for (String q : queries) {
            client.query(q, Instant.now()); // throws on a server-side parse or evaluation error
        }
        assertThat(queries).as("every latency kind but mean-only quantiles, and the other generators").hasSize(15);
    }

    @Test
    void sourcesAddProbesAndInspectPrintsTheBindings() throws Exception {
        String ws = dir.resolve("ws.vigia").toString();
        CliE2ETest.Result add = CliE2ETest.vigia("--workspace", ws, "sources", "add", "self", "--url", prometheus.url().toString());
        assertThat(add.exit()).as(add.out() + add.err()).isZero();
        assertThat(add.out()).contains("Probed self:").contains("REQUEST_LATENCY       prometheus_http_request_duration_seconds");
        CliE2ETest.Result inspect = CliE2ETest.vigia("--workspace", ws, "sources", "inspect", "self", "--window", "10m");
        assertThat(inspect.exit()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("REQUEST_LATENCY: bound by probe (prometheus-self)")
                .contains("REQUEST_COUNT: bound by probe (prometheus-self)")
                .contains("prometheus_build_info (version changes), service=job")
                .contains("GUARDRAIL_DECISIONS: MISSING");
    }

    /**
     * The case: the Service Latency &amp; Deploys report of a Prometheus scraping itself had no
     * sample and no deploy. Now its panels read its own histogram and counter, its running version
     * comes from its build_info, and a restart (same version, new process start time) is not reported
     * as a deploy. A Prometheus of its own, since it is killed and started again on its data.
     */
    @Test
    void theServiceLatencyReportReadsPrometheussOwnNamesAndARestartIsNoDeploy() throws Exception {
        try (PrometheusServer own = PrometheusServer.start()) {
            String ws = dir.resolve("report.vigia").toString();
            awaitScrapes(own, 5);
            CliE2ETest.Result add = CliE2ETest.vigia("--workspace", ws, "sources", "add", "own", "--url", own.url().toString());
            assertThat(add.exit()).as(add.out() + add.err()).isZero();
            // deploys and restarts are looked for at the scrape interval Vigia assumes for a server (15 s):
            // two steps either side of the restart
            Thread.sleep(35_000);
            // SIGTERM, as an operator restarts it
            own.stop();
            own.restart();
            awaitScrapes(own, 35);
            String week = io.vigia.dashboards.report.IsoWeek.of(java.time.LocalDate.now(java.time.ZoneOffset.UTC)).toString();
            Path out = dir.resolve("out");
            CliE2ETest.Result report = CliE2ETest.vigia("--workspace", ws, "report", "--dashboard", "service-latency", "--source", "own",
                    "--week", week, "--tz", "UTC", "--format", "csv,html", "--out", out.toString());
            assertThat(report.exit()).as(report.out() + report.err()).isZero();
            assertThat(report.err()).doesNotContain("no data in");
            // the CSV format is a folder of tables, one file each
            StringBuilder csv = new StringBuilder();
            try (var files = java.nio.file.Files.walk(out)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                    csv.append(file.getFileName()).append('\n').append(java.nio.file.Files.readString(file));
                }
            }
            assertThat(csv).as("the report's CSV tables").isNotEmpty();
            // A weekly report steps by the hour, longer than this Prometheus has run: its time panels
            // hold no point yet (what their bound queries answer is checked above, on the same
            // names). What the week shows already: the running version, and no deploy for the restart.
            assertThat(csv).contains("p95-latency-by-service.csv").contains("error-rate-by-service-5xx-share.csv")
                    .contains("throughput-by-service.csv");
            assertThat(csv).as("running versions: Prometheus's own build_info").contains("prometheus 2.42");
            String html;
            try (var files = java.nio.file.Files.list(out)) {
                html = java.nio.file.Files.readString(files.filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow());
            }
            assertThat(html).as("the restart is not a deploy").contains("No deploy this week.");
            // Known gap: the week's deploy table does not always list the restart as a restart here. In some
            // runs the samples of the process before the restart were not readable after it (a range query of
            // process_start_time_seconds showed only the new process), so there is nothing to differ from;
            // PrometheusRestartE2ETest finds a restart with the detector on a shorter-lived server.
        }
    }

    private static void awaitScrapes(PrometheusServer p, int n) throws Exception {
        try (PrometheusClient c = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS, p.url().toString()).withName("own")
                .withTimeout(Duration.ofSeconds(10)), SecretResolver.withSystemEnvironment(new InMemorySecretStore()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    QueryResult r = c.query("count_over_time(up{job=\"prometheus\"}[" + (n + 5) + "s])", Instant.now()).result();
                    if (r instanceof QueryResult.Vector v && v.size() == 1 && v.values()[0] >= n) {
                        return;
                    }
                } catch (RuntimeException e) {
                    // starting again: not answering yet
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("Prometheus did not scrape itself " + n + " times:\n" + p.log());
    }
}
