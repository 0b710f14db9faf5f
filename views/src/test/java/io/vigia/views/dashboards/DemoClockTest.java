package io.vigia.views.dashboards;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class DemoClockTest {
    @Test
    void nowIsTheDemosEndWhileTheDemoIsShownAndTheRealTimeAfter() {
        Instant real = Instant.parse("2026-11-27T09:00:00Z");
        Instant demoEnd = Instant.parse("2026-11-23T09:40:00Z");
        AtomicBoolean demo = new AtomicBoolean(true);
        DemoClock clock = new DemoClock(Clock.fixed(real, ZoneOffset.UTC), () -> demo.get() ? Optional.of(demoEnd) : Optional.empty());
        assertThat(clock.instant()).isEqualTo(demoEnd);
        demo.set(false);
        assertThat(clock.instant()).isEqualTo(real);
    }
}
