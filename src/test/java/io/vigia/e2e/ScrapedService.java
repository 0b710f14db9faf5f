package io.vigia.e2e;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.e2e.fixtures.LoadGenerator;
import io.vigia.e2e.fixtures.ServiceOptions;
import io.vigia.e2e.fixtures.ServiceProcess;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One instrumented test service in a child JVM, scraped every second by a real Prometheus that also
 * scrapes itself (as a default Prometheus does), put under load version after version: each
 * version after the first is a deploy, the old process stopped and the new one started on the same
 * ports, so the scrape target stays and only what it exposes changes.
 */
final class ScrapedService implements AutoCloseable {
    static final Duration SCRAPE = Duration.ofSeconds(1);
    /** Four scrape intervals, as DeployImpact takes four of the source's (its 5-minute floor is for real data). */
    static final Duration RATE_WINDOW = SCRAPE.multipliedBy(4);

    /** One version's run: when its process was ready and stopped, and the load it answered. */
    record Phase(ServiceOptions options, Instant readyAt, Instant stoppedAt, LoadGenerator.Result load) {
    }

    private final PrometheusServer prometheus;
    private final PrometheusClient client;
    private final String job;
    private final Instant started;
    private final List<Phase> phases = new ArrayList<>();
    private ServiceProcess running;

    private ScrapedService(PrometheusServer prometheus, String job, Instant started) {
        this.prometheus = prometheus;
        this.job = job;
        this.started = started;
        this.client = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS, prometheus.url().toString())
                .withName(job).withMinInterval(SCRAPE).withTimeout(Duration.ofSeconds(20)),
                SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
    }

    /** Two free loopback ports: the service's and its metrics endpoint's. */
    static int[] freePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    /**
     * Runs {@code main} once per version, {@code perSecond} requests a second to {@code path} for
     * {@code loadFor} each; the last version keeps running until {@link #close()}.
     */
    static ScrapedService run(Class<?> main, String job, String path, List<ServiceOptions> versions, double perSecond,
                              Duration loadFor) throws IOException, InterruptedException {
        int metricsPort = versions.getFirst().metricsPort();
        Instant started = Instant.now();
        ScrapedService s = new ScrapedService(PrometheusServer.start(SCRAPE, job, List.of("127.0.0.1:" + metricsPort)), job, started);
        try {
            for (ServiceOptions v : versions) {
                s.stopRunning();
                s.running = ServiceProcess.start(main, v);
                s.awaitScrapeAfter(s.running.readyAt());
                LoadGenerator.Result load = LoadGenerator.run(URI.create("http://127.0.0.1:" + v.port() + path), perSecond, loadFor);
                s.awaitScrapeAfter(Instant.now()); // the last counts are in Prometheus
                s.phases.add(new Phase(v, s.running.readyAt(), null, load));
            }
            return s;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            s.close();
            throw e;
        }
    }

    /** Stops the running version, if any, and notes when on its phase. */
    private void stopRunning() throws InterruptedException, IOException {
        if (running == null) {
            return;
        }
        running.close();
        if (!phases.isEmpty() && phases.getLast().stoppedAt() == null) {
            Phase last = phases.removeLast();
            phases.add(new Phase(last.options(), last.readyAt(), running.stoppedAt(), last.load()));
        }
        running = null;
    }

    /** Waits until Prometheus has scraped the service successfully after {@code t}. */
    private void awaitScrapeAfter(Instant t) throws InterruptedException {
        // timestamp() gives a sample's own time only on a bare selector (on "up == 1" it gives the query's)
        String up = "timestamp(up{job=\"" + job + "\"}) and on (instance) (up{job=\"" + job + "\"} == 1)";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            QueryResult r = client.query(up, Instant.now()).result();
            if (r instanceof QueryResult.Vector v && v.size() == 1 && v.values()[0] * 1000 > t.toEpochMilli()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prometheus did not scrape " + job + " after " + t + "\nservice log:\n"
                + (running == null ? "" : running.log()) + "\nprometheus log:\n" + prometheus.log());
    }

    PrometheusClient client() {
        return client;
    }

    PrometheusServer prometheus() {
        return prometheus;
    }

    String job() {
        return job;
    }

    /** When the first version was started: everything the test looks at happened after it. */
    Instant started() {
        return started;
    }

    List<Phase> phases() {
        return phases;
    }

    @Override
    public void close() {
        try {
            stopRunning();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the log file of a stopped service: nothing to keep
        }
        client.close();
        prometheus.close();
    }
}
