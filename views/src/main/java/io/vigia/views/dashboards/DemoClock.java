package io.vigia.views.dashboards;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dashboards' "now": the end of the demo history while the demo is what the dashboards show,
 * so that "Last 7 days" still finds the demo's last week (and instant panels their last samples)
 * when the app is opened days after the demo was loaded; the real time otherwise.
 */
public final class DemoClock extends Clock {
    private final Clock real;
    private final Supplier<Optional<Instant>> pinned;

    /** @param pinned the demo's end while it is shown, empty otherwise; asked at every reading */
    public DemoClock(Clock real, Supplier<Optional<Instant>> pinned) {
        this.real = real;
        this.pinned = pinned;
    }

    @Override
    public Instant instant() {
        return pinned.get().orElseGet(real::instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the dashboards read instants, not zoned times");
    }
}
