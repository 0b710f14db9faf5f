package io.vigia.datasources.api;

import io.vigia.datasources.api.QueryException;

/**
 * The server answered with its own error (Prometheus's {@code {"status":"error","errorType":..}}
 * envelope, or Loki's plain-text error body): the request arrived, the query failed.
 */
public class ApiErrorException extends QueryException {
    private final int httpStatus;
    private final String serverMessage;

    public ApiErrorException(String errorType, int httpStatus, String serverMessage, String message) {
        super(errorType, message);
        this.httpStatus = httpStatus;
        this.serverMessage = mask(serverMessage);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The server's own text, with any secret it quoted masked. */
    public String serverMessage() {
        return serverMessage;
    }
}
