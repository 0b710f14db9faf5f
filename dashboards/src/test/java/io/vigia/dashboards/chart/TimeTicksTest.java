package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.dashboards.chart.axis.TimeTicks;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeTicksTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    static long at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), MADRID).toInstant().toEpochMilli();
    }

    static List<String> labels(List<TimeTicks.Tick> ticks) {
        return ticks.stream().map(TimeTicks.Tick::label).toList();
    }

    @Test
    void minutesOnTheQuarterHourInTheZone() {
        List<TimeTicks.Tick> t = TimeTicks.compute(at("2026-11-20T10:07:00"), at("2026-11-20T11:10:00"), 6, MADRID);
        assertThat(labels(t)).containsExactly("10:15", "10:30", "10:45", "11:00");
        assertThat(t.getFirst().ts()).isEqualTo(at("2026-11-20T10:15:00"));
    }

    @Test
    void secondsForShortRanges() {
        List<TimeTicks.Tick> t = TimeTicks.compute(at("2026-11-20T10:00:03"), at("2026-11-20T10:01:00"), 6, MADRID);
        assertThat(labels(t)).containsExactly("10:00:15", "10:00:30", "10:00:45", "10:01:00");
    }

    @Test
    void hoursWithMidnightShownAsTheDate() {
        List<TimeTicks.Tick> t = TimeTicks.compute(at("2026-11-19T19:00:00"), at("2026-11-20T07:00:00"), 5, MADRID);
        assertThat(labels(t)).containsExactly("21:00", "Nov 20", "03:00", "06:00");
    }

    @Test
    void daysForAWeek() {
        List<TimeTicks.Tick> t = TimeTicks.compute(at("2026-11-16T00:00:00"), at("2026-11-22T23:00:00"), 8, MADRID);
        assertThat(labels(t)).containsExactly("Nov 16", "Nov 17", "Nov 18", "Nov 19", "Nov 20", "Nov 21", "Nov 22");
    }

    @Test
    void monthsWithTheYearWhereItChanges() {
        List<TimeTicks.Tick> t = TimeTicks.compute(at("2025-10-10T00:00:00"), at("2026-04-10T00:00:00"), 8, MADRID);
        assertThat(labels(t)).containsExactly("Nov 2025", "Dec", "Jan 2026", "Feb", "Mar", "Apr");
    }

    @Test
    void yearsForDecades() {
        List<TimeTicks.Tick> t = TimeTicks.compute(at("2011-03-01T00:00:00"), at("2026-03-01T00:00:00"), 5, MADRID);
        assertThat(labels(t)).containsExactly("2015", "2020", "2025");
    }

    @Test
    void sixHourTicksSurviveTheDstChange() {
        // Europe/Madrid leaves summer time on 2026-10-25 at 03:00 → 02:00
        List<TimeTicks.Tick> t = TimeTicks.compute(at("2026-10-24T22:00:00"), at("2026-10-26T01:00:00"), 6, MADRID);
        assertThat(labels(t)).containsExactly("Oct 25", "06:00", "12:00", "18:00", "Oct 26");
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i).ts()).isGreaterThan(t.get(i - 1).ts());
        }
    }

    @Test
    void sameInstantDifferentZoneDifferentLabels() {
        long from = at("2026-11-20T10:07:00");
        long to = at("2026-11-20T11:10:00");
        List<TimeTicks.Tick> utc = TimeTicks.compute(from, to, 6, ZoneId.of("UTC"));
        assertThat(labels(utc)).containsExactly("09:15", "09:30", "09:45", "10:00");
    }
}
