package io.vigia.dashboards.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Grafana's time grammar for the range picker: {@code now}, offsets such as {@code now-7d} or
 * {@code now-1d-2h}, rounding such as {@code now/w} or {@code now-1M/M} (to the start of the unit
 * for a range's start, to its end for a range's end), absolute dates ({@code 2026-11-17},
 * {@code 2026-11-17 08:00:00}, ISO-8601 with offset) and epoch milliseconds. Units: s m h d w M y.
 */
public final class TimeExpression {
    private static final DateTimeFormatter SPACE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]");

    private TimeExpression() {
    }

    /**
     * @param roundUp true for the end of a range: {@code now/d} is then the last millisecond of today
     * @throws IllegalArgumentException with a message for the user when the text is not a time
     */
    public static Instant resolve(String text, Instant now, ZoneId zone, DayOfWeek weekStart, boolean roundUp) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        if (!s.startsWith("now")) {
            return absolute(s, zone);
        }
        ZonedDateTime t = now.atZone(zone);
        int i = 3;
        while (i < s.length()) {
            char op = s.charAt(i++);
            if (op == '/') {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("\"" + s + "\": a unit must follow '/'");
                }
                ChronoUnit unit = unit(s.charAt(i++), s);
                t = roundUp ? startOf(t, unit, weekStart).plus(1, unit).minusNanos(1_000_000) : startOf(t, unit, weekStart);
            } else if (op == '+' || op == '-') {
                int start = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                long n = start == i ? 1 : Long.parseLong(s.substring(start, i));
                if (i >= s.length()) {
                    throw new IllegalArgumentException("\"" + s + "\": a unit (s m h d w M y) must follow " + op + n);
                }
                ChronoUnit unit = unit(s.charAt(i++), s);
                t = op == '+' ? t.plus(n, unit) : t.minus(n, unit);
            } else {
                throw new IllegalArgumentException("\"" + s + "\": expected +, - or / after now");
            }
        }
        return t.toInstant();
    }

    /** True when the text depends on the current time, i.e. a range that moves. */
    public static boolean isRelative(String text) {
        return text != null && text.strip().startsWith("now");
    }

    private static ChronoUnit unit(char c, String s) {
        return switch (c) {
            case 's' -> ChronoUnit.SECONDS;
            case 'm' -> ChronoUnit.MINUTES;
            case 'h' -> ChronoUnit.HOURS;
            case 'd' -> ChronoUnit.DAYS;
            case 'w' -> ChronoUnit.WEEKS;
            case 'M' -> ChronoUnit.MONTHS;
            case 'y' -> ChronoUnit.YEARS;
            default -> throw new IllegalArgumentException("\"" + s + "\": unknown unit '" + c + "' (use s m h d w M y)");
        };
    }

    private static ZonedDateTime startOf(ZonedDateTime t, ChronoUnit unit, DayOfWeek weekStart) {
        return switch (unit) {
            case SECONDS, MINUTES, HOURS -> t.truncatedTo(unit);
            case DAYS -> t.truncatedTo(ChronoUnit.DAYS);
            case WEEKS -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(weekStart));
            case MONTHS -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case YEARS -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            default -> throw new IllegalStateException(unit.toString());
        };
    }

    private static Instant absolute(String s, ZoneId zone) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(s));
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the forms without an offset below, in the dashboard's time zone
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException notIso) {
            // next form
        }
        try {
            return LocalDateTime.parse(s, SPACE_FORMAT).atZone(zone).toInstant();
        } catch (DateTimeParseException notSpaced) {
            // next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + s + "\" is not a time: use now-7d, now/w, 2026-11-17, "
                    + "2026-11-17 08:00:00 or epoch milliseconds", e);
        }
    }
}
