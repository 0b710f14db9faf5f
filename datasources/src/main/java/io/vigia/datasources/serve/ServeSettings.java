package io.vigia.datasources.serve;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code vigia serve} runs.
 *
 * @param listen       the address to bind; port 0 picks a free one (tests, benchmarks)
 * @param auth         what a client must send
 * @param queryTimeout the longest a query may run, as Prometheus's {@code --query.timeout}; a
 *                     request's {@code timeout} parameter can only shorten it
 * @param version      reported by {@code /api/v1/status/buildinfo}
 */
public record ServeSettings(InetSocketAddress listen, ServerAuth auth, Duration queryTimeout, String version) {
    /**
     * The default port. Prometheus's "Default port allocations" wiki page gives 9090-9094 to the
     * server, Pushgateway (9091) and Alertmanager, and hands out 9100-9999 to exporters (that range
     * is now fully allocated, and new exporters get ports above 10000). Vigia is no exporter but a
     * server with Prometheus's query API, so its port is outside all of those and away from the
     * usual neighbours a developer runs beside it: Grafana 3000, Loki 3100, Tempo 3200, Mimir/Cortex
     * 8080/9009, VictoriaMetrics 8428-8482, Thanos 10901-10908 and 19291, OpenTelemetry's 4317/4318,
     * 8888/8889 and 9464.
     */
    public static final int DEFAULT_PORT = 18090;

    /** Prometheus's {@code --query.timeout} default. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(2);

    public ServeSettings {
        Objects.requireNonNull(listen);
        Objects.requireNonNull(auth);
        if (queryTimeout.isZero() || queryTimeout.isNegative()) {
            throw new IllegalArgumentException("the query timeout must be positive");
        }
        Objects.requireNonNull(version);
    }
}
