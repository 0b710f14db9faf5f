package io.vigia.datasources.ingest;

/** Input that is not valid exposition text, with the line (1-based) where it went wrong. */
public final class ExpositionParseException extends Exception {
    private final long line;

    public ExpositionParseException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
