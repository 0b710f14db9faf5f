package io.vigia.datasources.sarif;

/** A file that is not a SARIF log this importer can read; the message says what is wrong and where. */
public final class SarifFormatException extends RuntimeException {
    public SarifFormatException(String message) {
        super(message);
    }

    public SarifFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
