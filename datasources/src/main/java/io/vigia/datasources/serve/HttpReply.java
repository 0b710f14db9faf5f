package io.vigia.datasources.serve;

import com.sun.net.httpserver.HttpExchange;
import io.vigia.datasources.api.PrometheusJson;
import io.vigia.datasources.api.QueryException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one response: status, headers and a body compressed as the client accepts, as
 * Prometheus's {@code httputil.CompressionHandler} does (gzip first, then deflate, else none).
 */
final class HttpReply {
    private HttpReply() {
    }

    /** Writes the body of a response. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    static void json(HttpExchange exchange, int status, Body body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    /** Prometheus's error envelope with the HTTP status its {@code getDefaultErrorCode} gives the type. */
    static void error(HttpExchange exchange, QueryException error) throws IOException {
        json(exchange, statusOf(error.errorType()), out -> PrometheusJson.writeError(error, out));
    }

    static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    static void send(HttpExchange exchange, int status, String contentType, Body body) throws IOException {
        String encoding = encoding(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (encoding != null) {
            exchange.getResponseHeaders().set("Content-Encoding", encoding);
            exchange.getResponseHeaders().add("Vary", "Accept-Encoding");
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : 0);
        if (head) {
            exchange.close();
            return;
        }
        try (OutputStream raw = exchange.getResponseBody(); OutputStream out = wrap(raw, encoding)) {
            body.write(out);
        }
    }

    private static OutputStream wrap(OutputStream raw, String encoding) throws IOException {
        if ("gzip".equals(encoding)) {
            return new GZIPOutputStream(raw, 8192);
        }
        if ("deflate".equals(encoding)) {
            return new DeflaterOutputStream(raw);
        }
        return raw;
    }

    /** gzip when offered, else deflate, else null (identity); q-values are not weighed, as in Prometheus. */
    static String encoding(String acceptEncoding) {
        if (acceptEncoding == null) {
            return null;
        }
        boolean deflate = false;
        for (String part : acceptEncoding.split(",")) {
            String coding = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip")) {
                return "gzip";
            }
            deflate |= coding.equals("deflate");
        }
        return deflate ? "deflate" : null;
    }

    /** Prometheus's web/api/v1 getDefaultErrorCode (which gives {@code unavailable} and {@code internal} 500). */
    static int statusOf(String errorType) {
        return switch (errorType) {
            case "bad_data" -> 400;
            case "execution" -> 422;
            case "canceled" -> 499;
            case "timeout" -> 503;
            case "not_found" -> 404;
            case "not_acceptable" -> 406;
            default -> 500;
        };
    }
}
