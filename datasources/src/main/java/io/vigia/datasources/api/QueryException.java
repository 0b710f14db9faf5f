package io.vigia.datasources.api;

/**
 * A query that failed, with Prometheus's error type ({@code bad_data}, {@code execution},
 * {@code timeout}, {@code canceled}, {@code unavailable}, {@code internal}, ...) so that the CLI can
 * print the same error envelope a Prometheus server would.
 */
public class QueryException extends RuntimeException {
    private final String errorType;

    public QueryException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    public QueryException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
