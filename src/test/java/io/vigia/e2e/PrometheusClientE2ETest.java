package io.vigia.e2e;

import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.prometheus.MetricMetadata;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.api.ApiErrorException;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.http.ConnectionTestResult;
import io.vigia.datasources.grafana.GrafanaResolution;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.http.RemoteException;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.persistence.series.Labels;
import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Prometheus client against a real Prometheus (Debian package) that scrapes itself every second. */
@NeedsProgram("prometheus")
class PrometheusClientE2ETest {
    private static PrometheusServer prometheus;
    private static PrometheusClient client;

    @BeforeAll
    static void start() throws Exception {
        prometheus = PrometheusServer.start();
        client = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS, prometheus.url().toString())
                .withMinInterval(Duration.ofSeconds(1)).withTimeout(Duration.ofSeconds(10)),
                SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
        // wait for a few self-scrapes so that range queries have several points
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            QueryResult r = client.query("count_over_time(up[1m])", Instant.now()).result();
            if (r instanceof QueryResult.Vector v && v.size() == 1 && v.values()[0] >= 4) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Prometheus did not scrape itself 4 times within 60 s:\n" + prometheus.log());
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
    void saveAndTestShowsTheVersion() {
        ConnectionTestResult r = client.testConnection();
        assertThat(r.ok()).as(r.message()).isTrue();
        String version = ((ConnectionTestResult.Success) r).version();
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
        // the same version Prometheus reports about itself as a metric
        QueryResult.Vector info = (QueryResult.Vector) client.query("prometheus_build_info", Instant.now()).result();
        assertThat(info.size()).isEqualTo(1);
        assertThat(info.labels()[0].get("version")).isEqualTo(version);
        assertThat(info.values()[0]).isEqualTo(1.0);
    }

    @Test
    void instantQueryOfUp() {
        Instant now = Instant.now();
        QueryResult.Vector up = (QueryResult.Vector) client.query("up", now).result();
        assertThat(up.size()).isEqualTo(1);
        assertThat(up.labels()[0]).isEqualTo(Labels.of("__name__", "up", "job", "prometheus",
                "instance", "127.0.0.1:" + prometheus.port()));
        assertThat(up.values()[0]).isEqualTo(1.0);
        assertThat(up.timestamps()[0]).isEqualTo(now.toEpochMilli());
        assertThat(client.query("scalar(up) * 2", now).result()).isEqualTo(new QueryResult.Scalar(now.toEpochMilli(), 2));
        assertThat(client.query("2 * 21", now).result()).isEqualTo(new QueryResult.Scalar(now.toEpochMilli(), 42));
        assertThat(((QueryResult.Vector) client.query("up / 0 * -1", now).result()).values()[0]).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void rangeQueryWithGrafanaResolution() throws InterruptedException {
        awaitSamples(10);
        Instant to = Instant.now();
        Instant from = to.minusSeconds(60);
        GrafanaResolution res = GrafanaResolution.compute(from, to, 30, client.settings().minInterval());
        assertThat(res.step()).isEqualTo(Duration.ofSeconds(2));
        String expr = res.expand("rate(prometheus_tsdb_head_samples_appended_total[$__rate_interval])");
        assertThat(expr).isEqualTo("rate(prometheus_tsdb_head_samples_appended_total[4s])"); // max(2s + 1s, 4 × 1s)
        QueryResponse r = client.queryRange(expr, res.start(), res.end(), res.step(), CancellationToken.NONE);
        QueryResult.Matrix m = (QueryResult.Matrix) r.result();
        assertThat(m.series()).isNotEmpty();
        assertThat(java.util.Arrays.stream(m.series().getFirst().values()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        QueryResult.RangeSeries up = ((QueryResult.Matrix) client.queryRange("up", res.start(), res.end(), res.step()).result())
                .series().getFirst();
        assertThat(up.size()).isGreaterThanOrEqualTo(2);
        for (int i = 1; i < up.size(); i++) {
            assertThat(up.timestamps()[i] - up.timestamps()[i - 1]).isEqualTo(2000);
        }
        assertThat(up.values()).containsOnly(1.0);
    }

    /**
     * Waits (up to 60 s) until Prometheus scraped itself {@code n} times in the last minute: on a
     * loaded machine the first scrapes can come late, and a 4 s rate window needs two of them.
     */
    private void awaitSamples(int n) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            QueryResult r = client.query("count_over_time(up[1m])", Instant.now()).result();
            if (r instanceof QueryResult.Vector v && v.size() > 0 && v.values()[0] >= n) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Prometheus did not scrape itself " + n + " times within 60 s:\n" + prometheus.log());
    }

    @Test
    void metadataEndpoints() {
        Instant now = Instant.now();
        assertThat(client.labelNames(List.of(), now.minusSeconds(300), now)).contains("__name__", "job", "instance");
        assertThat(client.labelValues("job", List.of(), now.minusSeconds(300), now)).containsExactly("prometheus");
        List<Labels> series = client.series(List.of("up"), now.minusSeconds(300), now);
        assertThat(series).singleElement().satisfies(l -> assertThat(l.metricName()).isEqualTo("up"));
        Map<String, List<MetricMetadata>> md = client.metadata("prometheus_build_info", 0, CancellationToken.NONE);
        assertThat(md.get("prometheus_build_info")).extracting(MetricMetadata::type).contains("gauge");
        assertThat(client.formatQuery("sum(rate(x[5m]))by(job)", CancellationToken.NONE)).isEqualTo("sum by (job) (rate(x[5m]))");
    }

    @Test
    void parseQueryWhereTheServerHasIt() {
        // parse_query arrived in Prometheus 2.48; older servers answer 404, reported precisely
        try {
            Object ast = client.parseQuery("up", CancellationToken.NONE);
            assertThat(ast).isInstanceOf(Map.class);
        } catch (RemoteException e) {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains("parse_query");
        }
    }

    @Test
    void longExpressionGoesAsPostForm() {
        String expr = "up" + " or up".repeat(2000);
        QueryResult.Vector v = (QueryResult.Vector) client.query(expr, Instant.now()).result();
        assertThat(v.size()).isEqualTo(1);
    }

    @Test
    void serverErrorsBecomeClearMessages() {
        assertThatThrownBy(() -> client.query("up{", Instant.now()))
                .isInstanceOfSatisfying(ApiErrorException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("bad_data");
                    assertThat(e.httpStatus()).isEqualTo(400);
                })
                .hasMessageContaining("parse error");
        Instant now = Instant.now();
        assertThatThrownBy(() -> client.queryRange("up", now.minusSeconds(3600), now, Duration.ofMillis(100)))
                .isInstanceOf(ApiErrorException.class)
                .hasMessageContaining("11,000 points");
    }
}
