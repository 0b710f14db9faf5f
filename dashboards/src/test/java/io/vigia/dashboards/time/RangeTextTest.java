package io.vigia.dashboards.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ranges typed on one line, and the names Grafana gives them. */
class RangeTextTest {
    private static final Instant NOW = Instant.parse("2026-11-25T13:37:12.345Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @ParameterizedTest(name = "\"{0}\" is {1} to {2}")
    @CsvSource(delimiter = '|', textBlock = """
            now-30d to now                | now-30d    | now
            2025-04-01 to 2025-04-30      | 2025-04-01 | 2025-04-30
            2025-04-01 08:00 TO 2025-04-01 09:30 | 2025-04-01 08:00 | 2025-04-01 09:30
            now-30d                       | now-30d    | now
            30d                           | now-30d    | now
            +1h                           | now        | now+1h
            now/d                         | now/d      | now
            2025-04                       | 2025-04    | 2025-04
            2025-04-01                    | 2025-04-01 | 2025-04-01
            2025-04-01T08:00Z             | 2025-04-01T08:00Z | now
            1700000000000 to 1700003600000 | 1700000000000 | 1700003600000
            """)
    void readsGrafanasOneLineForms(String text, String from, String to) {
        assertThat(RangeText.parse(text)).isEqualTo(new RangeText(from, to));
    }

    @Test
    void aWrittenMonthIsTheWholeMonth() {
        TimeRange april = RangeChoice.parse("2025-04-01 to 2025-04-30").resolve(NOW, UTC);
        assertThat(april).isEqualTo(new TimeRange(Instant.parse("2025-04-01T00:00:00Z"), Instant.parse("2025-04-30T23:59:59.999Z")));
        assertThat(RangeChoice.parse("2025-04").resolve(NOW, UTC)).isEqualTo(april);
    }

    @Test
    void anErrorInTheEndPointsIntoTheWholeLine() {
        assertThatThrownBy(() -> RangeText.parse("now-7d to now-1x"))
                .isInstanceOfSatisfying(TimeSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(15);
                    assertThat(e.problem()).contains("unknown unit 'x'");
                    assertThat(e.text()).isEqualTo("now-7d to now-1x");
                });
        assertThatThrownBy(() -> RangeText.parse("now-7d to now to now"))
                .isInstanceOfSatisfying(TimeSyntaxException.class, e -> assertThat(e.position()).isEqualTo(14));
    }

    @ParameterizedTest(name = "{0} to {1} is called {2}")
    @CsvSource(delimiter = '|', textBlock = """
            now-7d     | now        | Last 7 days
            now-1M/M   | now-1M/M   | Previous month
            now/d      | now        | Today so far
            now-3d     | now        | Last 3 days
            now-1h     | now        | Last 1 hour
            now-2Q     | now        | Last 2 quarters
            now        | now+2h     | Next 2 hours
            now-2d/d   | now-1d/d   | now-2d/d to now-1d/d
            2025-04-01 | 2025-04-30 | 2025-04-01 to 2025-04-30
            """)
    void namesRangesAsGrafanaDoes(String from, String to, String name) {
        assertThat(RangeChoice.of(from, to).label()).isEqualTo(name);
    }

    @Test
    void theQuickRangesAreGrafanasAndAllResolve() {
        assertThat(RangeChoice.QUICK).hasSize(36);
        assertThat(RangeChoice.QUICK.getFirst().label()).isEqualTo("Today");
        for (RangeChoice r : RangeChoice.QUICK) {
            TimeRange t = r.resolve(NOW, UTC);
            assertThat(t.to()).as(r.label()).isAfterOrEqualTo(t.from());
        }
    }

    @Test
    void anAbsoluteRangeIsShownInTheDashboardsZone() {
        RangeChoice a = new RangeChoice.Absolute(new TimeRange(Instant.parse("2025-03-02T00:00:00Z"), Instant.parse("2025-04-30T12:00:00Z")));
        assertThat(a.describe(ZoneId.of("Europe/Madrid"))).isEqualTo("2025-03-02 01:00:00 to 2025-04-30 14:00:00");
        assertThat(a.label()).isEqualTo("2025-03-02 00:00:00 to 2025-04-30 12:00:00 UTC");
    }
}
