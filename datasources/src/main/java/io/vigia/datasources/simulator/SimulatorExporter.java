package io.vigia.datasources.simulator;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.util.function.LongSupplier;

/** The simulator's live {@code /metrics} endpoint, served by the Prometheus Java client. */
public final class SimulatorExporter implements AutoCloseable {
    private final HTTPServer server;

    private SimulatorExporter(HTTPServer server) {
        this.server = server;
    }

    /**
     * Starts serving a fleet that starts now (its story's events already in the past), stepping
     * every {@code intervalMillis} of wall-clock time as scrapes come.
     */
    public static SimulatorExporter start(String host, int port, long seed, long intervalMillis, LongSupplier clock)
            throws IOException {
        long now = clock.getAsLong();
        FleetSimulation simulation = new FleetSimulation(seed, FleetScenario.endingAt(now),
                now - now % intervalMillis, intervalMillis);
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new FleetCollector(simulation, clock));
        HTTPServer server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
        return new SimulatorExporter(server);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
