package io.vigia.datasources.http;

import io.vigia.datasources.api.QueryException;

/**
 * A request to a remote data source that failed before a well-formed API answer came back: the
 * network, TLS, authentication, an HTTP status without an API error envelope, or a body that is
 * not the API's JSON. {@link #kind()} says which, precisely enough for "Save &amp; test"; the
 * Prometheus {@link #errorType()} lets the CLI print the same envelope a client library would.
 */
public class RemoteException extends QueryException {

    /** What went wrong, from the user's point of view. */
    public enum Kind {
        /** The host name does not resolve. */
        DNS("unavailable"),
        /** Nothing listens on the port, or a firewall rejects the connection. */
        CONNECTION_REFUSED("unavailable"),
        /** Any other network failure (reset, unreachable, closed mid-response). */
        CONNECTION("unavailable"),
        /** Handshake failed: untrusted or mismatched certificate, client certificate rejected. */
        TLS("unavailable"),
        /** 401: wrong or missing credentials. */
        UNAUTHORIZED("client_error"),
        /** 403: credentials accepted but not allowed (tenant, RBAC). */
        FORBIDDEN("client_error"),
        /** 404: wrong URL or path prefix, or not a Prometheus/Loki server. */
        NOT_FOUND("not_found"),
        /** 429 after the allowed retries. */
        RATE_LIMITED("unavailable"),
        /** Any other HTTP error status whose body is not an API error envelope. */
        HTTP_STATUS("server_error"),
        /** No answer within the configured timeout. */
        TIMEOUT("timeout"),
        /** The caller cancelled (panel closed, time range changed). */
        CANCELLED("canceled"),
        /** The body is not the expected JSON: HTML, truncated, empty, another API. */
        BAD_RESPONSE("bad_response"),
        /** The body exceeds the configured response size cap. */
        TOO_LARGE("bad_response"),
        /** A secret the settings refer to is not available. */
        SECRET_MISSING("client_error"),
        /** The settings cannot be used (unreadable CA file, bad key). */
        CONFIGURATION("client_error");

        private final String errorType;

        Kind(String errorType) {
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }
    }

    private final Kind kind;
    private final int httpStatus;

    public RemoteException(Kind kind, int httpStatus, String message) {
        super(kind.errorType(), message);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public RemoteException(Kind kind, int httpStatus, String message, Throwable cause) {
        super(kind.errorType(), message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }
}
