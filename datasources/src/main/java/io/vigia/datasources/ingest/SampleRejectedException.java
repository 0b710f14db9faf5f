package io.vigia.datasources.ingest;

/**
 * Thrown by an {@link ExpositionSink} that cannot take a sample; the parser turns it into an
 * {@link ExpositionParseException} carrying the line number.
 */
public final class SampleRejectedException extends RuntimeException {
    public SampleRejectedException(String message) {
        super(message);
    }
}
