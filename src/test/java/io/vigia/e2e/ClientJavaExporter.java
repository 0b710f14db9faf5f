package io.vigia.e2e;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.StateSet;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;

/**
 * A real exporter, the Prometheus Java client's own HTTP server, with one metric of each type
 * and label values that need escaping; it negotiates OpenMetrics or the text format itself.
 * Values are set once, so every scrape reads the same numbers.
 */
final class ClientJavaExporter implements AutoCloseable {
    private final HTTPServer server;

    ClientJavaExporter() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter requests = Counter.builder().name("http_requests").help("Requests \\ served\nper path")
                .labelNames("path", "code").withoutExemplars().register(registry);
        requests.labelValues("/a \"quoted\" path", "200").inc(1027);
        requests.labelValues("C:\\windows\nnext line", "500").inc(3);
        Gauge temperature = Gauge.builder().name("room_temperature_celsius").help("Temperature").labelNames("room")
                .register(registry);
        temperature.labelValues("kitchen").set(21.5);
        temperature.labelValues("cellar").set(-3.25);
        temperature.labelValues("oven").set(Double.POSITIVE_INFINITY);
        temperature.labelValues("broken").set(Double.NaN);
        Histogram latency = Histogram.builder().name("request_duration_seconds").help("Latency")
                .classicOnly().classicUpperBounds(0.005, 0.1, 2.5).withoutExemplars().register(registry);
        for (double v : new double[] {0.001, 0.05, 0.05, 1.7, 9}) {
            latency.observe(v);
        }
        Summary sizes = Summary.builder().name("response_size_bytes").help("Sizes").quantile(0.5, 0.01).quantile(0.99, 0.001)
                .register(registry);
        for (int i = 1; i <= 100; i++) {
            sizes.observe(i * 10);
        }
        Info.builder().name("build_info").help("Build").labelNames("version", "revision").register(registry)
                .setLabelValues("1.2.3", "abc\"def");
        StateSet.builder().name("feature_flags").help("Flags").states("on", "off").register(registry).setTrue("on");
        server = HTTPServer.builder().hostname("127.0.0.1").port(0).registry(registry).buildAndStart();
    }

    String target() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
