package io.vigia.datasources.otlp;

import java.util.Locale;

/**
 * The two OTLP/HTTP payload encodings, told apart by the request's Content-Type: binary protobuf
 * ({@code application/x-protobuf}) and protobuf JSON ({@code application/json}); a response uses
 * the request's (OTLP specification, "OTLP/HTTP Response").
 */
enum OtlpEncoding {
    PROTOBUF("application/x-protobuf"),
    JSON("application/json");

    private final String contentType;

    OtlpEncoding(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /** The encoding of a Content-Type header (parameters such as {@code charset} ignored), or null. */
    static OtlpEncoding of(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (OtlpEncoding e : values()) {
            if (e.contentType.equals(type)) {
                return e;
            }
        }
        return null;
    }
}
