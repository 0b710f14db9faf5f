package io.vigia.datasources.copilot;

/** A file or response that is not Copilot metrics in any known format. */
public final class CopilotFormatException extends RuntimeException {
    public CopilotFormatException(String message) {
        super(message);
    }
}
