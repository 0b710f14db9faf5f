package io.vigia.app.diagnostics;

import io.vigia.datasources.redact.Redactor;

/**
 * The one masking of text bound for a log line, a crash report or the terminal: tokens, keys,
 * {@code user:password@} in URLs, {@code Authorization} values and {@code password=} style
 * assignments become {@code [REDACTED:type]}. Host addresses stay: a reader of the log needs the
 * server that failed.
 */
public final class SecretMasking {
    private static final Redactor REDACTOR = Redactor.keepingAddresses();

    private SecretMasking() {
    }

    public static String mask(String text) {
        return text == null ? null : REDACTOR.redact(text).text();
    }
}
