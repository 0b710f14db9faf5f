package io.vigia.app.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.PrometheusJson;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus's query API (/api/v1/query and /api/v1/query_range, GET or form POST) in front of a
 * metrics source, on 127.0.0.1: a remote source for {@code vigia report --source URL} whose answers
 * can be compared with the local store's. {@code failWith} makes every request answer that HTTP
 * status with a plain body, as a broken proxy would.
 */
final class PromqlHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final MetricsSource source;
    final AtomicInteger requests = new AtomicInteger();
    volatile int failWith;

    PromqlHttpServer(MetricsSource source) throws IOException {
        this.source = source;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/query", this::query);
        server.createContext("/api/v1/query_range", this::queryRange);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void query(HttpExchange ex) throws IOException {
        handle(ex, p -> source.query(p.get("query"), time(p.get("time"))));
    }

    private void queryRange(HttpExchange ex) throws IOException {
        handle(ex, p -> source.queryRange(p.get("query"), time(p.get("start")), time(p.get("end")), step(p.get("step"))));
    }

    private interface Handler {
        QueryResponse run(Map<String, String> params);
    }

    private void handle(HttpExchange ex, Handler h) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (failWith != 0) {
                send(ex, failWith, "text/plain", "upstream unavailable".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> params = new HashMap<>();
            parse(ex.getRequestURI().getRawQuery(), params);
            parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
            try {
                send(ex, 200, "application/json", PrometheusJson.toJson(h.run(params)).getBytes(StandardCharsets.UTF_8));
            } catch (QueryException e) {
                send(ex, 400, "application/json", PrometheusJson.errorJson(e).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void parse(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }

    private static Instant time(String s) {
        if (s == null) {
            return Instant.now();
        }
        if (s.matches("-?\\d+(\\.\\d+)?")) {
            return Instant.ofEpochMilli(new BigDecimal(s).movePointRight(3).longValue());
        }
        return OffsetDateTime.parse(s).toInstant();
    }

    private static Duration step(String s) {
        String v = s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
        return Duration.ofMillis(new BigDecimal(v).movePointRight(3).longValue());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
