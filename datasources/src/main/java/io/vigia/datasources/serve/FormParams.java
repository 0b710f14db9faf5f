package io.vigia.datasources.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's parameters as Go's {@code Request.FormValue} sees them: the URL's query string, and
 * for a POST with {@code application/x-www-form-urlencoded} the body too (body values first, as
 * Go's {@code ParseForm} puts them). Grafana POSTs long queries; promtool and curl GET.
 */
final class FormParams {
    /** Go's http.Request.ParseForm reads at most 10 MB of body. */
    static final int MAX_BODY_BYTES = 10 << 20;

    private final Map<String, List<String>> values;

    private FormParams(Map<String, List<String>> values) {
        this.values = values;
    }

    static FormParams of(HttpExchange exchange) throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if ("POST".equals(exchange.getRequestMethod()) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
                if (body.length > MAX_BODY_BYTES) {
                    throw new IllegalArgumentException("http: POST too large");
                }
                decode(new String(body, StandardCharsets.UTF_8), values);
            }
        }
        decode(exchange.getRequestURI().getRawQuery(), values);
        return new FormParams(values);
    }

    static FormParams of(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        decode(rawQuery, values);
        return new FormParams(values);
    }

    private static void decode(String raw, Map<String, List<String>> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("[&]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    /** The first value, or "" when absent (Go's FormValue). */
    String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? "" : v.getFirst();
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
