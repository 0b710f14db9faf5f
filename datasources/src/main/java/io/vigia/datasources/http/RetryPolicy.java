package io.vigia.datasources.http;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff, only for failures that a later attempt can fix: the
 * connection could not be made, a gateway said 502/503/504, or the server said 429 (its
 * {@code Retry-After} is honoured up to {@link #maxRetryAfter}). Timeouts and query errors are
 * never retried: repeating a heavy query against an overloaded server makes things worse.
 *
 * @param maxAttempts    total attempts including the first (1 = no retry)
 * @param initialBackoff wait before the first retry; doubles each time
 * @param maxBackoff     cap of one wait
 * @param maxRetryAfter  a longer Retry-After than this fails at once instead of waiting
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(30));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be in 1..10");
        }
    }

    /** Backoff before attempt {@code attempt + 1} (attempt counts from 1), with up to 20% jitter. */
    public Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long jitter = capped / 5 == 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(capped - jitter);
    }
}
