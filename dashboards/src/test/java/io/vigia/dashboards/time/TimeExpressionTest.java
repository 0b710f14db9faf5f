package io.vigia.dashboards.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Grafana's time grammar: the examples of Grafana's "Time range controls" page (now-5m, now/d,
 * now/w, now/M, now-1M/M, now/Y), the cases of grafana-data's datemath tests (every unit back and
 * rounded both ways, anchored math after ||, blanks inside the math, the rejected forms), ISO-8601
 * dates and date-times, and epoch milliseconds.
 */
class TimeExpressionTest {
    // Wednesday 2026-11-25 14:37:12.345 in Madrid (UTC+1)
    private static final Instant NOW = Instant.parse("2026-11-25T13:37:12.345Z");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @ParameterizedTest(name = "{0} (end={1}) = {2}")
    @CsvSource(textBlock = """
            now,          false, 2026-11-25T13:37:12.345Z
            now-5m,       false, 2026-11-25T13:32:12.345Z
            now-7d,       false, 2026-11-18T13:37:12.345Z
            now-1d-2h,    false, 2026-11-24T11:37:12.345Z
            now - 2d - 6h, false, 2026-11-23T07:37:12.345Z
            now+30m,      false, 2026-11-25T14:07:12.345Z
            now-d,        false, 2026-11-24T13:37:12.345Z
            now-5s,       false, 2026-11-25T13:37:07.345Z
            now-5h,       false, 2026-11-25T08:37:12.345Z
            now-5w,       false, 2026-10-21T12:37:12.345Z
            now-5M,       false, 2026-06-25T12:37:12.345Z
            now-5y,       false, 2021-11-25T13:37:12.345Z
            now-1Q,       false, 2026-08-25T12:37:12.345Z
            now/s,        false, 2026-11-25T13:37:12Z
            now/s,        true,  2026-11-25T13:37:12.999Z
            now/m,        true,  2026-11-25T13:37:59.999Z
            now/h,        false, 2026-11-25T13:00:00Z
            now/d,        false, 2026-11-24T23:00:00Z
            now/d,        true,  2026-11-25T22:59:59.999Z
            now/w,        false, 2026-11-22T23:00:00Z
            now/w,        true,  2026-11-29T22:59:59.999Z
            now/M,        false, 2026-10-31T23:00:00Z
            now/M,        true,  2026-11-30T22:59:59.999Z
            now-1M/M,     false, 2026-09-30T22:00:00Z
            now-1M/M,     true,  2026-10-31T22:59:59.999Z
            now/Q,        false, 2026-09-30T22:00:00Z
            now/Q,        true,  2026-12-31T22:59:59.999Z
            now-1Q/fQ,    false, 2026-06-30T22:00:00Z
            now/y,        false, 2025-12-31T23:00:00Z
            now/Y,        true,  2026-12-31T22:59:59.999Z
            now-1y/y,     false, 2024-12-31T23:00:00Z
            now-1y/y,     true,  2025-12-31T22:59:59.999Z
            now/fy,       false, 2025-12-31T23:00:00Z
            now/1d,       false, 2026-11-24T23:00:00Z
            2026-11-17,   false, 2026-11-16T23:00:00Z
            2026-11-17,   true,  2026-11-17T22:59:59.999Z
            2026-11,      false, 2026-10-31T23:00:00Z
            2026-11,      true,  2026-11-30T22:59:59.999Z
            2026,         false, 2025-12-31T23:00:00Z
            20261117,     false, 2026-11-16T23:00:00Z
            2026-11-17 08:00:00, false, 2026-11-17T07:00:00Z
            2026-11-17 08:00:00, true,  2026-11-17T07:00:00Z
            2026-11-17 08:00, false, 2026-11-17T07:00:00Z
            2026-11-17T08,    false, 2026-11-17T07:00:00Z
            2026-11-17T08:00:00.25, false, 2026-11-17T07:00:00.250Z
            2026-11-17T08:00:00Z, false, 2026-11-17T08:00:00Z
            2026-11-17T08:00:00+02:00, false, 2026-11-17T06:00:00Z
            2026-11-17T08:00-0130, false, 2026-11-17T09:30:00Z
            2026-11-17||+1M/M, false, 2026-11-30T23:00:00Z
            2026-11-17||-5d, false, 2026-11-11T23:00:00Z
            2026-11-17T10:00:00Z||/d, true, 2026-11-17T22:59:59.999Z
            1700000000000, false, 2023-11-14T22:13:20Z
            """)
    void resolvesGrafanasGrammarInTheDashboardsZone(String text, boolean end, String expected) {
        assertThat(TimeExpression.resolve(text, NOW, MADRID, DayOfWeek.MONDAY, end)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void aWeekStartsOnTheGivenDay() {
        assertThat(TimeExpression.resolve("now/w", NOW, MADRID, DayOfWeek.SUNDAY, false))
                .isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
    }

    @Test
    void lastMonthIsAWholeMonthAndItsPreviousPeriodPrecedesIt() {
        TimeRange r = TimeRange.resolve("now-1M/M", "now-1M/M", NOW, MADRID, DayOfWeek.MONDAY);
        // October 2026 in Madrid: 31 days, plus the hour that summer time gives back on the 25th
        assertThat(r.length()).isEqualTo(Duration.ofDays(31).plusHours(1).minusMillis(1));
        assertThat(r.previous().to()).isEqualTo(r.from());
    }

    @ParameterizedTest(name = "\"{0}\" fails at {1}: {2}")
    @CsvSource(delimiter = ';', textBlock = """
            now-7x ; 5 ; unknown unit 'x'
            now&1d ; 3 ; expected +, - or / here, not '&'
            now+5f ; 5 ; unknown unit 'f'
            now/2y ; 4 ; rounding takes one whole unit: /y, not /2y
            now/0.5y ; 5 ; unknown unit '.'
            now-0 ; 5 ; a unit (s m h d w M Q y) must follow '-0'
            now- ; 4 ; a unit (s m h d w M Q y) must follow '-'
            now/fd ; 5 ; fiscal rounding is by quarter or year
            yesterday ; 0 ; expected now or a date here
            '  now-1h junk' ; 9 ; expected +, - or / here, not 'j'
            2026-13-01 ; 5 ; month 13 does not exist
            2026-02-30 ; 8 ; day 30 does not exist in 2026-02
            2026-11-17 25:00 ; 11 ; hour 25 does not exist
            2026-11-17T08:61 ; 14 ; minute 61 does not exist
            2026-1-17 ; 5 ; expected a two-digit month
            2026-11-17x ; 10 ; unexpected 'x' after the date
            2026-11-17|| ; 12 ; date math (+1d, -2h, /M) must follow ||
            123 ; 0 ; a date starts with a four-digit year
            now-99999999999999999999d ; 4 ; the number 99999999999999999999 is too large
            '' ; 0 ; empty
            """)
    void badInputSaysWhereAndWhat(String text, int position, String problem) {
        assertThatThrownBy(() -> TimeExpression.parse(text))
                .isInstanceOfSatisfying(TimeSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.getMessage()).contains("at character " + (position + 1));
                });
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> TimeRange.resolve("now", "now-1h", NOW, MADRID, DayOfWeek.MONDAY))
                .hasMessageContaining("before it starts");
    }

    @Test
    void dateMathOutOfTheCalendarIsAnErrorNotACrash() {
        assertThatThrownBy(() -> TimeExpression.resolve("now-99999999999y", NOW, MADRID, DayOfWeek.MONDAY, false))
                .isInstanceOf(TimeSyntaxException.class).hasMessageContaining("out of the range of dates");
    }

    @Test
    void onlyExpressionsOnNowMove() {
        assertThat(TimeExpression.parse("now-1h").relative()).isTrue();
        assertThat(TimeExpression.parse("2026-11-17").relative()).isFalse();
        assertThat(TimeExpression.parse("2026-11-17").wholePeriod()).isTrue();
        assertThat(TimeExpression.parse("2026-11-17 08:00").wholePeriod()).isFalse();
        assertThat(TimeExpression.parse("2026-11-17||+1d").wholePeriod()).isFalse();
    }

    @Test
    void prometheusDurationsParseAndFormat() {
        assertThat(PromDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(PromDuration.parse("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> PromDuration.parse("5")).hasMessageContaining("unit");
    }
}
