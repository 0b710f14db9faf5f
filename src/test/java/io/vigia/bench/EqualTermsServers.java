package io.vigia.bench;

import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.e2e.PrometheusServer;
import io.vigia.e2e.ServeProcess;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The contestants of one equal-terms run, each on its own copy of the cached data: a real
 * Prometheus and {@code vigia serve}, each a separate process on loopback, each reached through
 * the same client ({@link PrometheusClient}: OkHttp, gzip, {@code PrometheusDecoder}); and Vigia's
 * engine in this JVM over a third copy of the workspace, for the engine-only comparison.
 */
final class EqualTermsServers implements AutoCloseable {
    private final Path dir;
    private final PrometheusServer prometheus;
    private final ServeProcess serve;
    private final PrometheusClient toPrometheus;
    private final PrometheusClient toServe;
    private final Workspace workspace;
    private final SqliteSeriesStore store;
    private final LocalPromqlSource inProcess;

    private EqualTermsServers(Path dir, PrometheusServer prometheus, ServeProcess serve, Workspace workspace, SqliteSeriesStore store) {
        this.dir = dir;
        this.prometheus = prometheus;
        this.serve = serve;
        this.toPrometheus = client(prometheus.url());
        this.toServe = client(serve.url());
        this.workspace = workspace;
        this.store = store;
        this.inProcess = new LocalPromqlSource("in-process", store);
    }

    /** @param serveJvmOptions extra options for the {@code vigia serve} JVM (a profiler's), usually none */
    static EqualTermsServers start(FleetDataCache.Prepared data, List<String> serveJvmOptions) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vigia-bench-equal-");
        PrometheusServer prometheus = null;
        ServeProcess serve = null;
        try {
            Path tsdb = dir.resolve("tsdb");
            FleetDataCache.copyTree(data.tsdb(), tsdb);
            Files.copy(data.workspace(), dir.resolve("served.vigia"));
            Files.copy(data.workspace(), dir.resolve("in-process.vigia"));
            prometheus = PrometheusServer.startOnData(tsdb);
            serve = ServeProcess.start(dir.resolve("served.vigia"), serveJvmOptions, Map.of());
            Workspace ws = Workspace.open(dir.resolve("in-process.vigia"));
            return new EqualTermsServers(dir, prometheus, serve, ws, new SqliteSeriesStore(ws));
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeQuietly(serve, prometheus);
            FleetDataCache.deleteTree(dir);
            throw e;
        }
    }

    private static PrometheusClient client(URI url) {
        ConnectionSettings settings = ConnectionSettings.of(SourceType.PROMETHEUS, url.toString()).withTimeout(Duration.ofMinutes(2));
        return new PrometheusClient(settings, SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
    }

    PrometheusServer prometheus() {
        return prometheus;
    }

    ServeProcess serve() {
        return serve;
    }

    PrometheusClient toPrometheus() {
        return toPrometheus;
    }

    PrometheusClient toServe() {
        return toServe;
    }

    LocalPromqlSource inProcess() {
        return inProcess;
    }

    @Override
    public void close() throws IOException {
        toPrometheus.close();
        toServe.close();
        store.close();
        workspace.close();
        closeQuietly(serve, prometheus);
        FleetDataCache.deleteTree(dir);
    }

    private static void closeQuietly(ServeProcess serve, PrometheusServer prometheus) {
        if (serve != null) {
            try {
                serve.close();
            } catch (IOException e) {
                // its log file stays behind: harmless
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }
}
