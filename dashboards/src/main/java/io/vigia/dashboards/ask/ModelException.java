package io.vigia.dashboards.ask;

/** The model endpoint could not be asked or did not answer in the chat-completions format. */
public final class ModelException extends RuntimeException {
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelException(String message) {
        super(message);
    }
}
