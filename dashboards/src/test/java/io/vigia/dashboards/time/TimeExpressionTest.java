package io.vigia.dashboards.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeExpressionTest {
    // Wednesday 2026-11-25 14:37:12.345 in Madrid (UTC+1)
    private static final Instant NOW = Instant.parse("2026-11-25T13:37:12.345Z");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @ParameterizedTest(name = "{0} (end={1}) = {2}")
    @CsvSource(textBlock = """
            now,          false, 2026-11-25T13:37:12.345Z
            now-7d,       false, 2026-11-18T13:37:12.345Z
            now-1d-2h,    false, 2026-11-24T11:37:12.345Z
            now+30m,      false, 2026-11-25T14:07:12.345Z
            now/d,        false, 2026-11-24T23:00:00Z
            now/d,        true,  2026-11-25T22:59:59.999Z
            now/w,        false, 2026-11-22T23:00:00Z
            now/w,        true,  2026-11-29T22:59:59.999Z
            now-1M/M,     false, 2026-09-30T22:00:00Z
            now-1M/M,     true,  2026-10-31T22:59:59.999Z
            now/y,        false, 2025-12-31T23:00:00Z
            2026-11-17,   false, 2026-11-16T23:00:00Z
            2026-11-17 08:00:00, false, 2026-11-17T07:00:00Z
            2026-11-17T08:00:00+02:00, false, 2026-11-17T06:00:00Z
            1700000000000, false, 2023-11-14T22:13:20Z
            """)
    void resolvesGrafanasGrammarInTheDashboardsZone(String text, boolean end, String expected) {
        assertThat(TimeExpression.resolve(text, NOW, MADRID, DayOfWeek.MONDAY, end)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void lastMonthIsAWholeMonthAndItsPreviousPeriodPrecedesIt() {
        TimeRange r = TimeRange.resolve("now-1M/M", "now-1M/M", NOW, MADRID, DayOfWeek.MONDAY);
        // October 2026 in Madrid: 31 days, plus the hour that summer time gives back on the 25th
        assertThat(r.length()).isEqualTo(Duration.ofDays(31).plusHours(1).minusMillis(1));
        assertThat(r.previous().to()).isEqualTo(r.from());
    }

    @Test
    void badInputSaysWhatIsAccepted() {
        assertThatThrownBy(() -> TimeExpression.resolve("now-7x", NOW, MADRID, DayOfWeek.MONDAY, false))
                .hasMessageContaining("unknown unit 'x'");
        assertThatThrownBy(() -> TimeExpression.resolve("yesterday", NOW, MADRID, DayOfWeek.MONDAY, false))
                .hasMessageContaining("is not a time");
        assertThatThrownBy(() -> TimeRange.resolve("now", "now-1h", NOW, MADRID, DayOfWeek.MONDAY))
                .hasMessageContaining("before it starts");
    }

    @Test
    void prometheusDurationsParseAndFormat() {
        assertThat(PromDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(PromDuration.parse("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> PromDuration.parse("5")).hasMessageContaining("unit");
    }
}
