package io.vigia.e2e;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.RestartBinding;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.deploy.ChangeEvent;
import io.vigia.datasources.bindings.deploy.DeployDetector;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus scraping itself every second is stopped (SIGTERM) and started again on the same
 * data directory, as an operator restarts it: its own {@code process_start_time_seconds} moves, the
 * probe binds it as the restart signal, the detector shows one restart at the new process's start
 * and no deploy (the version is the same), and the queries generated for Prometheus's own HTTP API
 * answer across the restart.
 */
@NeedsProgram("prometheus")
class PrometheusRestartE2ETest {
    private static final Duration SCRAPE = Duration.ofSeconds(1);

    @Test
    void aRestartOnTheSameDataIsARestartAndNotADeploy() throws Exception {
        try (PrometheusServer prometheus = PrometheusServer.start();
             PrometheusClient client = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS, prometheus.url().toString())
                     .withName("self").withMinInterval(SCRAPE).withTimeout(Duration.ofSeconds(20)),
                     SecretResolver.withSystemEnvironment(new InMemorySecretStore()))) {
            Instant started = Instant.now();
            awaitSelfScrapeAfter(client, started.plusSeconds(3));
            double startBefore = ownStartTime(client);
            prometheus.stop();
            Instant stoppedAt = Instant.now();
            prometheus.restart();
            Instant readyAt = Instant.now();
            // Prometheus starts scraping up to 5 s after it is ready (its discovery manager sends target
            // updates at most every 5 s); then five scrapes, for a /metrics rate over 5 s
            awaitSelfScrapeAfter(client, readyAt.plusSeconds(10));
            double startAfter = ownStartTime(client);
            // client_golang's process collector adds the start ticks to /proc/stat's btime, whole
            // seconds: the start time it reports may be up to a second early
            assertThat(startAfter * 1000).as("the new process's start time").isGreaterThan(startBefore * 1000)
                    .isBetween((double) stoppedAt.minusSeconds(1).toEpochMilli(), (double) readyAt.toEpochMilli());

            SourceBindings b = new BindingProber(ConventionCatalog.standard()).probe("self", client, MetricTypes.of(client),
                    new ProbeWindow(started.minusSeconds(60), Instant.now())).bindings();
            assertThat(b.restarts()).contains(new RestartBinding("process_start_time_seconds", "job", "instance"));
            assertThat(b.input(SemanticInput.REQUEST_LATENCY).conventionId()).isEqualTo("prometheus-self");

            DeployDetector.Detection d = new DeployDetector(client).detect(b.deploys().orElseThrow(), b.restarts().orElseThrow(),
                    started, Instant.now(), SCRAPE);
            assertThat(d.problems()).isEmpty();
            assertThat(d.deploys()).as("prometheus_build_info kept its version").isEmpty();
            assertThat(d.bareRestarts()).singleElement().satisfies(r -> {
                assertThat(r.service()).isEqualTo("prometheus");
                assertThat(r.instance()).isEqualTo("127.0.0.1:" + prometheus.port());
                assertThat(r.timeMillis()).as("at the new process's own start").isEqualTo(Math.round(startAfter * 1000));
            });
            assertThat(d.events()).hasSize(1).allMatch(e -> e instanceof ChangeEvent.Restart);

            Instant now = Instant.now();
            Filter scrapes = Filter.of(Dimension.ROUTE, "/metrics");
            double p95 = GeneratedQueries.one(client, HttpQueries.quantile(b.latency().orElseThrow(), 0.95, scrapes,
                    Set.of(Dimension.SERVICE), "5s"), now).values()[0];
            assertThat(p95).as("p95 of its own /metrics after the restart, seconds").isGreaterThan(0).isLessThanOrEqualTo(1);
            QueryResult.Vector tput = GeneratedQueries.one(client, HttpQueries.throughput(b.requests().orElseThrow(), scrapes,
                    Set.of(Dimension.SERVICE), "5s"), now);
            assertThat(tput.labels()[0].get("job")).isEqualTo("prometheus");
            assertThat(tput.values()[0]).as("one self-scrape a second").isBetween(0.5, 2.0);
            assertThat(GeneratedQueries.one(client, HttpQueries.errorShare(b.requests().orElseThrow(), scrapes, Set.of(), "5s"), now)
                    .values()[0]).as("no 5xx on /metrics").isZero();
        }
    }

    /** Its own process_start_time_seconds, as last scraped. */
    private static double ownStartTime(PrometheusClient client) {
        QueryResult.Vector v = (QueryResult.Vector) client.query("process_start_time_seconds{job=\"prometheus\"}", Instant.now()).result();
        assertThat(v.size()).isEqualTo(1);
        return v.values()[0];
    }

    private static void awaitSelfScrapeAfter(PrometheusClient client, Instant t) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            QueryResult r = client.query("timestamp(up{job=\"prometheus\"}) and on (instance) (up{job=\"prometheus\"} == 1)",
                    Instant.now()).result();
            if (r instanceof QueryResult.Vector v && v.size() == 1 && v.values()[0] * 1000 > t.toEpochMilli()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prometheus did not scrape itself after " + t);
    }
}
