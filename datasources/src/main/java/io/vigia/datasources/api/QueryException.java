package io.vigia.datasources.api;

import io.vigia.datasources.redact.Redactor;

/**
 * A query that failed, with Prometheus's error type ({@code bad_data}, {@code execution},
 * {@code timeout}, {@code canceled}, {@code unavailable}, {@code internal}, ...) so that the CLI can
 * print the same error envelope a Prometheus server would.
 *
 * <p>The message is masked ({@link Redactor#keepingAddresses()}): a server's error may quote the
 * credential it refused or a URL with {@code user:password@}, and this message goes to the
 * terminal, the log file, crash reports and report exports.
 */
public class QueryException extends RuntimeException {
    private static final Redactor MASK = Redactor.keepingAddresses();
    private final String errorType;

    public QueryException(String errorType, String message) {
        super(mask(message));
        this.errorType = errorType;
    }

    public QueryException(String errorType, String message, Throwable cause) {
        super(mask(message), cause);
        this.errorType = errorType;
    }

    /** {@code text} with the secrets in it masked; null stays null. */
    protected static String mask(String text) {
        return MASK.redact(text).text();
    }

    public String errorType() {
        return errorType;
    }
}
