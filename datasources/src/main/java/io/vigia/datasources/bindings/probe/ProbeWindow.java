package io.vigia.datasources.bindings.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The time range a probe looks at: a candidate counts as present when it has samples inside it. */
public record ProbeWindow(Instant from, Instant to) {
    public static final Duration DEFAULT = Duration.ofHours(24);

    public ProbeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the probe window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The last {@code length} up to now. */
    public static ProbeWindow last(Duration length, Clock clock) {
        Instant now = clock.instant();
        return new ProbeWindow(now.minus(length), now);
    }
}
