package io.vigia.datasources.copilot;

import java.time.Instant;

/** GitHub answered with an error; {@code retryAt} is set when it was a rate limit. */
public final class CopilotApiException extends RuntimeException {
    private final int status;
    private final Instant retryAt;

    public CopilotApiException(int status, String message, Instant retryAt) {
        super(message);
        this.status = status;
        this.retryAt = retryAt;
    }

    public int status() {
        return status;
    }

    public Instant retryAt() {
        return retryAt;
    }

    public boolean isRateLimit() {
        return retryAt != null;
    }
}
