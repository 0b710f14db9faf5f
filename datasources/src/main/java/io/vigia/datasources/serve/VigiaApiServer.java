package io.vigia.datasources.serve;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vigia.datasources.instrument.VigiaMetrics;
import io.vigia.datasources.promql.LocalPromqlSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code vigia serve}: a read-only Prometheus HTTP API (and Loki's query_range for the guardrail
 * logs, and Vigia's own {@code /metrics}) over one workspace, for Grafana, promtool or a notebook.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver}: the server has a dozen fixed routes and
 * no need for a framework; client_java's {@code exporter-httpserver} (already a dependency) builds
 * on the same server, so its {@link MetricsHandler} serves {@code /metrics} as it is; and requests
 * run on virtual threads (one per request), so a slow query blocks nobody else.
 *
 * <p>A benchmark or test starts it in-process and talks to it over loopback:
 * <pre>{@code
 * ServeSettings settings = new ServeSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
 *         ServerAuth.NONE, ServeSettings.DEFAULT_QUERY_TIMEOUT, "bench");
 * try (VigiaApiServer server = VigiaApiServer.start(settings, ServedWorkspace.of(store, logs),
 *         new PrometheusRegistry(), VigiaMetrics.NONE, Clock.systemUTC())) {
 *     URI api = server.url();   // http://127.0.0.1:PORT, e.g. api.resolve("/api/v1/query_range?...")
 * }
 * }</pre>
 */
public final class VigiaApiServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService requests;
    private final ExecutorService queries;

    private VigiaApiServer(HttpServer server, ExecutorService requests, ExecutorService queries) {
        this.server = server;
        this.requests = requests;
        this.queries = queries;
    }

    /**
     * Binds and starts serving.
     *
     * @param registry where {@code metrics} keeps its numbers; served on {@code /metrics}
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public static VigiaApiServer start(ServeSettings settings, ServedWorkspace workspace, PrometheusRegistry registry,
                                       VigiaMetrics metrics, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(settings.listen(), 64);
        ExecutorService requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("vigia-serve-", 0).factory());
        ExecutorService queries = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("vigia-query-", 0).factory());
        QueryRunner runner = new QueryRunner(workspace.series(), queries, metrics);
        PrometheusApi api = new PrometheusApi(runner, new LocalPromqlSource("workspace", workspace.series()),
                settings.queryTimeout().toMillis(), settings.version(), clock::millis);
        ApiRouter router = new ApiRouter(settings.auth(), api, new LokiApi(workspace.logs(), clock::millis),
                new MetricsHandler(registry), workspace.catchUp(), metrics);
        server.createContext("/", router);
        server.setExecutor(requests);
        server.start();
        return new VigiaApiServer(server, requests, queries);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://HOST:PORT} of the bound address (IPv6 literals in brackets). */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    /** Stops accepting, gives requests in flight a second to finish, then stops queries still running. */
    @Override
    public void close() {
        server.stop(1);
        requests.shutdownNow();
        queries.shutdownNow();
    }
}
