package io.vigia.datasources.otlp;

import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One OTLP/HTTP endpoint, answered as the OTLP specification's "OTLP/HTTP Response" says: 200
 * with the signal's Export*ServiceResponse (partial success filled in when part of the data was
 * rejected); 400 for data that cannot be decoded; 413 for a body over the limit (counted after
 * gzip decompression); 415 for a Content-Type other than protobuf or JSON, or a Content-Encoding
 * other than gzip; 405 for a method other than POST; 503, which clients retry, when the store
 * could not take the data. Every 4xx and 5xx carries a {@code google.rpc.Status} body, and its
 * reason is logged.
 */
final class OtlpHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OtlpHttpHandler.class);
    private static final long STORE_TIMEOUT_SECONDS = 30;
    // google.rpc.Code values; OTLP/HTTP clients do not act on them, but they say the same as the HTTP status
    private static final int INVALID_ARGUMENT = 3;
    private static final int RESOURCE_EXHAUSTED = 8;
    private static final int UNIMPLEMENTED = 12;
    private static final int UNAVAILABLE = 14;

    private final OtlpSignal signal;
    private final OtlpIngest ingest;
    private final long maxBodyBytes;

    OtlpHttpHandler(OtlpSignal signal, OtlpIngest ingest, long maxBodyBytes) {
        this.signal = signal;
        this.ingest = ingest;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            OtlpEncoding encoding = OtlpEncoding.of(exchange.getRequestHeaders().getFirst("Content-Type"));
            OtlpEncoding answerIn = encoding == null ? OtlpEncoding.PROTOBUF : encoding;
            if (!exchange.getRequestURI().getPath().equals(signal.path())) {
                fail(exchange, answerIn, 404, UNIMPLEMENTED, "no OTLP endpoint at " + exchange.getRequestURI().getPath()
                        + "; use /v1/metrics, /v1/logs or /v1/traces");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                fail(exchange, answerIn, 405, UNIMPLEMENTED, signal.path() + " takes POST, not " + exchange.getRequestMethod());
                return;
            }
            if (encoding == null) {
                fail(exchange, answerIn, 415, INVALID_ARGUMENT, "unsupported Content-Type \""
                        + MetricsTranslator.abbreviate(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")))
                        + "\"; OTLP/HTTP takes application/x-protobuf or application/json");
                return;
            }
            String contentEncoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            boolean gzip = contentEncoding != null && contentEncoding.trim().equalsIgnoreCase("gzip");
            if (contentEncoding != null && !gzip && !contentEncoding.trim().equalsIgnoreCase("identity")) {
                fail(exchange, encoding, 415, INVALID_ARGUMENT, "unsupported Content-Encoding \""
                        + MetricsTranslator.abbreviate(contentEncoding) + "\"; send gzip or no encoding");
                return;
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && !gzip && parseLength(length) > maxBodyBytes) {
                tooLarge(exchange, encoding);
                return;
            }
            byte[] body;
            try {
                body = read(gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody());
            } catch (ZipException | java.io.EOFException e) {
                fail(exchange, encoding, 400, INVALID_ARGUMENT, "the gzip body could not be decompressed: " + e.getMessage());
                return;
            }
            if (body == null) {
                tooLarge(exchange, encoding);
                return;
            }
            Message message;
            try {
                message = OtlpCodec.decode(signal, encoding, body);
            } catch (OtlpCodec.BadDataException e) {
                fail(exchange, encoding, 400, INVALID_ARGUMENT, e.getMessage());
                return;
            }
            store(exchange, encoding, message);
        }
    }

    private void store(HttpExchange exchange, OtlpEncoding encoding, Message message) throws IOException {
        OtlpIngest.Outcome outcome;
        try {
            outcome = ingest.submit(signal, message).get(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            fail(exchange, encoding, 503, UNAVAILABLE, "the workspace did not take the data within " + STORE_TIMEOUT_SECONDS + " s; retry");
            return;
        } catch (ExecutionException e) {
            fail(exchange, encoding, 503, UNAVAILABLE, "the workspace could not store the data: " + e.getCause().getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(exchange, encoding, 503, UNAVAILABLE, "the receiver is stopping; retry");
            return;
        }
        if (outcome.rejected() > 0) {
            LOG.info("OTLP {} from {}: {} rejected: {}", signal.path(), exchange.getRemoteAddress(), outcome.rejected(), outcome.message());
        }
        send(exchange, 200, encoding, OtlpCodec.response(signal, encoding, outcome.rejected(), outcome.message()));
    }

    /** The body was not read to its end: the connection cannot carry another request. */
    private void tooLarge(HttpExchange exchange, OtlpEncoding encoding) throws IOException {
        exchange.getResponseHeaders().set("Connection", "close");
        fail(exchange, encoding, 413, RESOURCE_EXHAUSTED, tooLarge());
    }

    private String tooLarge() {
        return "the request body is larger than the receiver's limit of " + maxBodyBytes + " bytes (after decompression)";
    }

    private static long parseLength(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body, or null when it is larger than the limit. */
    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > maxBodyBytes) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private void fail(HttpExchange exchange, OtlpEncoding encoding, int status, int code, String message) throws IOException {
        LOG.warn("OTLP {} {} from {}: HTTP {}: {}", exchange.getRequestMethod(), MetricsTranslator.abbreviate(exchange.getRequestURI().getPath()),
                exchange.getRemoteAddress(), status, message);
        send(exchange, status, encoding, OtlpCodec.status(encoding, code, message));
    }

    private static void send(HttpExchange exchange, int status, OtlpEncoding encoding, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", encoding.contentType());
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
