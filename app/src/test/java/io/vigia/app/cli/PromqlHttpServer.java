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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus's query API (/api/v1/query and /api/v1/query_range, GET or form POST) and the
 * discovery endpoints a report's variables and bindings read (/api/v1/series, /labels,
 * /label/NAME/values) in front of a metrics source, on 127.0.0.1: a remote source for {@code vigia report --source URL} whose answers
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
        server.createContext("/api/v1/series", ex -> discover(ex, p -> PrometheusJson.seriesJson(
                source.series(p.matchers(), p.time("start"), p.time("end")))));
        server.createContext("/api/v1/labels", ex -> discover(ex, p -> PrometheusJson.stringsJson(
                source.labelNames(p.matchers(), p.time("start"), p.time("end")))));
        server.createContext("/api/v1/label/", ex -> {
            String path = ex.getRequestURI().getPath();
            String label = path.substring("/api/v1/label/".length(), path.length() - "/values".length());
            discover(ex, p -> PrometheusJson.stringsJson(source.labelValues(label, p.matchers(), p.time("start"), p.time("end"))));
        });
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

    /** A discovery request's parameters: each {@code match[]}, and the times. */
    private record Discovery(List<String> matchers, Map<String, String> params) {
        /** As Prometheus: no start is the beginning of time, no end is now. */
        Instant time(String name) {
            return params.containsKey(name) ? PromqlHttpServer.time(params.get(name)) : name.equals("start") ? Instant.EPOCH : Instant.now();
        }
    }

    private interface DiscoveryHandler {
        String run(Discovery d) throws QueryException;
    }

    private void discover(HttpExchange ex, DiscoveryHandler h) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (failWith != 0) {
                send(ex, failWith, "text/plain", "upstream unavailable".getBytes(StandardCharsets.UTF_8));
                return;
            }
            List<String> matchers = new ArrayList<>();
            Map<String, String> params = new HashMap<>();
            for (String form : new String[] {ex.getRequestURI().getRawQuery(),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)}) {
                Map<String, String> one = new HashMap<>();
                parse(form, one, matchers);
                params.putAll(one);
            }
            try {
                send(ex, 200, "application/json", h.run(new Discovery(matchers, params)).getBytes(StandardCharsets.UTF_8));
            } catch (QueryException e) {
                send(ex, 400, "application/json", PrometheusJson.errorJson(e).getBytes(StandardCharsets.UTF_8));
            }
        }
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
        parse(form, into, new ArrayList<>());
    }

    /** Form fields into {@code into}, each {@code match[]} into {@code matchers}. */
    private static void parse(String form, Map<String, String> into, List<String> matchers) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals("match[]")) {
                    matchers.add(value);
                } else {
                    into.put(key, value);
                }
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
