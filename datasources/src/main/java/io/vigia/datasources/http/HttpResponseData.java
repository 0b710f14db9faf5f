package io.vigia.datasources.http;

import java.nio.charset.StandardCharsets;

/**
 * A complete HTTP answer, body read into memory (bounded by the response size cap). Immutable by
 * convention: identical in-flight requests share one instance, so nobody may change {@code body}.
 */
public record HttpResponseData(String method, String url, int status, String reason, String contentType,
                               String retryAfter, byte[] body) {

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** "GET http://host/api/v1/query" without the query string, for messages. */
    public String target() {
        int q = url.indexOf('?');
        return method + " " + (q < 0 ? url : url.substring(0, q));
    }
}
