package io.vigia.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Serves each {@link ExpositionInput} at its path on loopback, byte for byte with its
 * Content-Type. Until {@link #arm()} every path answers 503, so that a scraper's first stored
 * samples are its own failed-scrape {@code up} at the current time: a TSDB whose very first
 * sample carried an exposed timestamp from 1970 would open its head block there.
 */
final class ExpositionHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, ExpositionInput> byPath;
    private final AtomicBoolean armed = new AtomicBoolean();

    ExpositionHttpServer(List<ExpositionInput> inputs) throws IOException {
        byPath = inputs.stream().collect(Collectors.toMap(ExpositionInput::path, Function.identity()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/in/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code 127.0.0.1:PORT}, a Prometheus static target. */
    String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String url(ExpositionInput input) {
        return "http://" + target() + input.path();
    }

    void arm() {
        armed.set(true);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ExpositionInput input = byPath.get(exchange.getRequestURI().getPath());
            if (input == null || !armed.get()) {
                exchange.sendResponseHeaders(input == null ? 404 : 503, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", input.contentType());
            exchange.sendResponseHeaders(200, input.body().length == 0 ? -1 : input.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(input.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
