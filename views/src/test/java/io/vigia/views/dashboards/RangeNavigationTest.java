package io.vigia.views.dashboards;

import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.TimeRange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Shifting by the range's own length, stopping at now; zooming out; back undoes a shift. */
class RangeNavigationTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void shiftsByItsOwnLengthAndStopsAtNow() {
        AtomicInteger refreshes = new AtomicInteger();
        RangeNavigation nav = new RangeNavigation(RangeChoice.of("now-7d", "now"), Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC,
                refreshes::incrementAndGet);
        nav.resolveNow();
        assertThat(nav.shiftForward()).as("a range ending now goes no further").isFalse();

        assertThat(nav.shiftBack()).isTrue();
        TimeRange week = new TimeRange(NOW.minus(Duration.ofDays(14)), NOW.minus(Duration.ofDays(7)));
        assertThat(nav.rangeProperty().get()).isEqualTo(new RangeChoice.Absolute(week));
        assertThat(refreshes.get()).isEqualTo(1);
        nav.resolveNow();
        nav.shiftBack();
        nav.resolveNow();
        assertThat(nav.current()).isEqualTo(week.shiftedBack(Duration.ofDays(7)));

        assertThat(nav.shiftForward()).isTrue();
        nav.resolveNow();
        assertThat(nav.current()).isEqualTo(week);
        // a range three days short of now moves three days, keeping its length
        nav.rangeProperty().set(new RangeChoice.Absolute(new TimeRange(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(3)))));
        nav.resolveNow();
        assertThat(nav.shiftForward()).isTrue();
        nav.resolveNow();
        assertThat(nav.current()).isEqualTo(new TimeRange(NOW.minus(Duration.ofDays(7)), NOW));

        assertThat(nav.back()).isTrue();
        nav.resolveNow();
        assertThat(nav.current()).isEqualTo(new TimeRange(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(3))));
    }

    @Test
    void zoomOutDoublesAroundTheMiddle() {
        RangeNavigation nav = new RangeNavigation(RangeChoice.of("now-2h", "now"), Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC, () -> { });
        nav.resolveNow();
        nav.zoomOut();
        nav.resolveNow();
        assertThat(nav.current()).isEqualTo(new TimeRange(NOW.minus(Duration.ofHours(3)), NOW.plus(Duration.ofHours(1))));
    }
}
