package io.vigia.dashboards.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one {@link TimeExpression}, character by character, so that every error names the
 * character where the text stops being a time. Leading and trailing blanks are ignored; blanks
 * inside date math are too (Grafana strips them).
 */
final class TimeExpressionParser {
    private static final String EXAMPLES = "now-7d, now/w, 2025-04-01, 2025-04-01 08:00 or epoch milliseconds";
    private final String s;
    private final int end;
    private int i;

    TimeExpressionParser(String text) {
        this.s = text;
        int e = text.length();
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        this.end = e;
        skipBlanks();
    }

    TimeExpression parse() {
        if (i >= end) {
            throw error(i, "empty: type a time such as " + EXAMPLES);
        }
        if (s.startsWith("now", i)) {
            i += 3;
            return new TimeExpression(s, new TimeExpression.Now(), math());
        }
        TimeExpression.Anchor anchor = absolute();
        skipBlanks();
        if (s.startsWith("||", i)) {
            int at = i;
            i += 2;
            List<TimeExpression.Step> steps = math();
            if (steps.isEmpty()) {
                throw error(at + 2, "date math (+1d, -2h, /M) must follow ||");
            }
            return new TimeExpression(s, anchor, steps);
        }
        if (i < end) {
            throw error(i, "unexpected '" + s.charAt(i) + "' after the date (date math after a date goes after ||, e.g. 2025-04-01||+1M)");
        }
        return new TimeExpression(s, anchor, List.of());
    }

    private List<TimeExpression.Step> math() {
        List<TimeExpression.Step> steps = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (i >= end) {
                return steps;
            }
            char op = s.charAt(i);
            if (op != '+' && op != '-' && op != '/') {
                throw error(i, "expected +, - or / here, not '" + op + "'");
            }
            int opAt = i++;
            skipBlanks();
            int numberAt = i;
            while (i < end && isDigit(s.charAt(i))) {
                i++;
            }
            boolean hasNumber = numberAt != i;
            long amount = hasNumber ? number(numberAt, i) : 1;
            skipBlanks();
            if (i >= end) {
                throw error(i, "a unit (" + DateMathUnit.LETTERS + ") must follow '" + s.substring(opAt, i).strip() + "'");
            }
            boolean fiscal = op == '/' && s.charAt(i) == 'f';
            if (fiscal) {
                i++;
                if (i >= end) {
                    throw error(i, "a unit (Q or y) must follow /f");
                }
            }
            int unitAt = i;
            char letter = s.charAt(i++);
            DateMathUnit unit = DateMathUnit.of(letter).orElseThrow(() ->
                    error(unitAt, "unknown unit '" + letter + "' (use " + DateMathUnit.LETTERS + ")"));
            if (op == '/') {
                if (hasNumber && amount != 1) {
                    throw error(numberAt, "rounding takes one whole unit: /" + letter + ", not /" + amount + letter);
                }
                if (fiscal && unit != DateMathUnit.QUARTERS && unit != DateMathUnit.YEARS) {
                    throw error(unitAt, "fiscal rounding is by quarter or year: /fQ or /fy");
                }
                steps.add(new TimeExpression.Round(unit, fiscal));
            } else {
                steps.add(new TimeExpression.Shift(op == '-' ? -amount : amount, unit));
            }
        }
    }

    /** A written date-time or epoch milliseconds. */
    private TimeExpression.Anchor absolute() {
        int start = i;
        int digits = 0;
        while (i + digits < end && isDigit(s.charAt(i + digits))) {
            digits++;
        }
        if (digits == 0) {
            throw error(i, "expected now or a date here: use " + EXAMPLES);
        }
        if (digits > 8) {
            i += digits;
            return new TimeExpression.Epoch(number(start, i));
        }
        if (digits == 8) { // ISO-8601's basic form, 20250401
            i += 8;
            LocalDate d = date(start, fieldAt(start, 4), start + 4, fieldAt(start + 4, 2), start + 6, fieldAt(start + 6, 2));
            return time(d, ChronoUnit.DAYS);
        }
        if (digits != 4) {
            throw error(start, "a date starts with a four-digit year (2025-04-01), or epoch milliseconds have more than 8 digits");
        }
        int year = fieldAt(start, 4);
        i += 4;
        if (!(i < end && s.charAt(i) == '-')) {
            return new TimeExpression.Written(LocalDate.of(year, 1, 1).atStartOfDay(), null, ChronoUnit.YEARS);
        }
        i++;
        int monthAt = i;
        int month = twoDigits("a two-digit month (01-12)");
        if (!(i < end && s.charAt(i) == '-')) {
            date(start, year, monthAt, month, -1, 1);
            return new TimeExpression.Written(LocalDate.of(year, month, 1).atStartOfDay(), null, ChronoUnit.MONTHS);
        }
        i++;
        int dayAt = i;
        int day = twoDigits("a two-digit day of the month");
        return time(date(start, year, monthAt, month, dayAt, day), ChronoUnit.DAYS);
    }

    /** The optional time of day and offset after a date. */
    private TimeExpression.Anchor time(LocalDate date, ChronoUnit datePrecision) {
        boolean hasTime = i < end && (s.charAt(i) == 'T' || (s.charAt(i) == ' ' && i + 1 < end && isDigit(s.charAt(i + 1))));
        if (!hasTime) {
            return new TimeExpression.Written(date.atStartOfDay(), null, datePrecision);
        }
        i++;
        int hourAt = i;
        int hour = twoDigits("a two-digit hour (00-23)");
        int minute = 0;
        int second = 0;
        int nanos = 0;
        ChronoUnit precision = ChronoUnit.HOURS;
        int minuteAt = -1;
        int secondAt = -1;
        if (i < end && s.charAt(i) == ':') {
            i++;
            minuteAt = i;
            minute = twoDigits("two-digit minutes (00-59)");
            precision = ChronoUnit.MINUTES;
            if (i < end && s.charAt(i) == ':') {
                i++;
                secondAt = i;
                second = twoDigits("two-digit seconds (00-59)");
                precision = ChronoUnit.SECONDS;
                if (i < end && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    i++;
                    int fractionAt = i;
                    while (i < end && isDigit(s.charAt(i)) && i - fractionAt < 9) {
                        i++;
                    }
                    if (i == fractionAt) {
                        throw error(i, "digits must follow the decimal point of the seconds");
                    }
                    nanos = Integer.parseInt((s.substring(fractionAt, i) + "00000000").substring(0, 9));
                    precision = ChronoUnit.NANOS;
                }
            }
        }
        check(hourAt, hour <= 23, "hour " + hour + " does not exist (00-23)");
        check(minuteAt, minute <= 59, "minute " + minute + " does not exist (00-59)");
        check(secondAt, second <= 59, "second " + second + " does not exist (00-59)");
        LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
        return new TimeExpression.Written(local, offset(), precision);
    }

    /** {@code Z}, {@code +02:00}, {@code +0200}, {@code +02} or nothing (the dashboard's zone). */
    private ZoneOffset offset() {
        if (i >= end) {
            return null;
        }
        char c = s.charAt(i);
        if (c == 'Z' || c == 'z') {
            i++;
            return ZoneOffset.UTC;
        }
        if (c != '+' && c != '-') {
            return null;
        }
        int at = i++;
        int hours = twoDigits("a two-digit offset hour after " + c);
        int minutes = 0;
        if (i < end && s.charAt(i) == ':') {
            i++;
            minutes = twoDigits("two-digit offset minutes");
        } else if (i + 1 < end && isDigit(s.charAt(i)) && isDigit(s.charAt(i + 1))) {
            minutes = twoDigits("two-digit offset minutes");
        }
        try {
            return c == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException e) {
            throw error(at, "the offset " + s.substring(at, i) + " does not exist (at most ±18:00)");
        }
    }

    private LocalDate date(int yearAt, int year, int monthAt, int month, int dayAt, int day) {
        check(monthAt, month >= 1 && month <= 12, "month " + month + " does not exist (01-12)");
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw error(dayAt < 0 ? yearAt : dayAt, "day " + day + " does not exist in " + year + "-" + (month < 10 ? "0" : "") + month);
        }
    }

    private int twoDigits(String what) {
        if (i + 1 < end && isDigit(s.charAt(i)) && isDigit(s.charAt(i + 1))) {
            int v = fieldAt(i, 2);
            i += 2;
            return v;
        }
        throw error(i, "expected " + what + " here");
    }

    private int fieldAt(int at, int length) {
        return Integer.parseInt(s.substring(at, at + length));
    }

    private long number(int from, int to) {
        try {
            return Long.parseLong(s.substring(from, to));
        } catch (NumberFormatException e) {
            throw error(from, "the number " + s.substring(from, to) + " is too large");
        }
    }

    private void check(int at, boolean ok, String problem) {
        if (!ok) {
            throw error(at, problem);
        }
    }

    private void skipBlanks() {
        while (i < end && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private TimeSyntaxException error(int at, String problem) {
        return new TimeSyntaxException(s, at, problem);
    }
}
