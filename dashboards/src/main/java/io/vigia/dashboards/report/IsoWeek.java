package io.vigia.dashboards.report;

import io.vigia.dashboards.time.TimeRange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week such as {@code 2026-W47}: Monday 00:00 to the next Monday 00:00 in a time zone. */
public record IsoWeek(int year, int week) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-?W(\\d{1,2})");

    public IsoWeek {
        LocalDate probe = LocalDate.of(year, 6, 1);
        long weeks = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(year + " has ISO weeks 1 to " + weeks + ", not " + week);
        }
    }

    public static IsoWeek parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an ISO week; write it like 2026-W47");
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    public IsoWeek previous() {
        return of(monday().minusWeeks(1));
    }

    public TimeRange range(ZoneId zone) {
        return new TimeRange(monday().atStartOfDay(zone).toInstant(), monday().plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    @Override
    public String toString() {
        return String.format("%d-W%02d", year, week);
    }
}
