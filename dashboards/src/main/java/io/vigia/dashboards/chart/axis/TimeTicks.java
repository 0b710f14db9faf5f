package io.vigia.dashboards.chart.axis;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time-axis ticks in a time zone, on calendar-aligned steps (every 15 min on the quarter hour,
 * every 6 h from local midnight, on Mondays, on the first of the month, ...), with labels whose
 * precision follows the step: seconds, then hours and minutes, then days, months and years.
 */
public final class TimeTicks {

    private TimeTicks() {
    }

    /** A time tick: epoch milliseconds and its label. */
    public record Tick(long ts, String label) {
    }

    enum Field { SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR }

    /** A step: {@code count} of a calendar field. */
    record Step(Field field, int count, long approxMillis) {
    }

    private static final long S = 1000;
    private static final long M = 60 * S;
    private static final long H = 60 * M;
    private static final long D = 24 * H;

    static final List<Step> STEPS = List.of(
            new Step(Field.SECOND, 1, S), new Step(Field.SECOND, 2, 2 * S), new Step(Field.SECOND, 5, 5 * S),
            new Step(Field.SECOND, 10, 10 * S), new Step(Field.SECOND, 15, 15 * S), new Step(Field.SECOND, 30, 30 * S),
            new Step(Field.MINUTE, 1, M), new Step(Field.MINUTE, 2, 2 * M), new Step(Field.MINUTE, 5, 5 * M),
            new Step(Field.MINUTE, 10, 10 * M), new Step(Field.MINUTE, 15, 15 * M), new Step(Field.MINUTE, 30, 30 * M),
            new Step(Field.HOUR, 1, H), new Step(Field.HOUR, 2, 2 * H), new Step(Field.HOUR, 3, 3 * H),
            new Step(Field.HOUR, 6, 6 * H), new Step(Field.HOUR, 12, 12 * H),
            new Step(Field.DAY, 1, D), new Step(Field.DAY, 2, 2 * D), new Step(Field.WEEK, 1, 7 * D),
            new Step(Field.WEEK, 2, 14 * D),
            new Step(Field.MONTH, 1, 30 * D), new Step(Field.MONTH, 2, 61 * D), new Step(Field.MONTH, 3, 91 * D),
            new Step(Field.MONTH, 6, 182 * D),
            new Step(Field.YEAR, 1, 365 * D), new Step(Field.YEAR, 2, 730 * D), new Step(Field.YEAR, 5, 1826 * D),
            new Step(Field.YEAR, 10, 3652 * D), new Step(Field.YEAR, 100, 36524 * D));

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ROOT);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ROOT);
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

    /** The smallest calendar step giving about {@code maxTicks} ticks or fewer over [from, to]. */
    static Step chooseStep(long from, long to, int maxTicks) {
        double span = Math.max(1, to - from);
        int intervals = Math.max(1, maxTicks - 1);
        for (Step step : STEPS) {
            if (span / step.approxMillis() <= intervals) {
                return step;
            }
        }
        return STEPS.getLast();
    }

    /** Ticks within [from, to] in {@code zone}, at most about {@code maxTicks} of them. */
    public static List<Tick> compute(long from, long to, int maxTicks, ZoneId zone) {
        if (to < from) {
            throw new IllegalArgumentException("time range ends before it starts");
        }
        Step step = chooseStep(from, to, maxTicks);
        List<Tick> ticks = new ArrayList<>();
        ZonedDateTime t = alignedStart(Instant.ofEpochMilli(from).atZone(zone), step);
        ZonedDateTime previous = null;
        int guard = 0;
        while (guard++ < 10_000) {
            long ms = t.toInstant().toEpochMilli();
            if (ms > to) {
                break;
            }
            if (ms >= from) {
                ticks.add(new Tick(ms, label(t, previous, step)));
                previous = t;
            }
            t = advance(t, step);
        }
        return ticks;
    }

    private static ZonedDateTime alignedStart(ZonedDateTime start, Step step) {
        int n = step.count();
        return switch (step.field()) {
            case SECOND -> {
                ZonedDateTime base = start.truncatedTo(ChronoUnit.MINUTES);
                yield base.withSecond(start.getSecond() / n * n);
            }
            case MINUTE -> {
                ZonedDateTime base = start.truncatedTo(ChronoUnit.HOURS);
                yield base.withMinute(start.getMinute() / n * n);
            }
            case HOUR -> {
                ZonedDateTime base = start.truncatedTo(ChronoUnit.DAYS);
                yield base.withHour(start.getHour() / n * n);
            }
            case DAY -> {
                ZonedDateTime base = start.truncatedTo(ChronoUnit.DAYS);
                yield base.withDayOfMonth(((start.getDayOfMonth() - 1) / n) * n + 1);
            }
            case WEEK -> start.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> {
                ZonedDateTime base = start.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
                yield base.withMonth(((start.getMonthValue() - 1) / n) * n + 1);
            }
            case YEAR -> start.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).withYear(start.getYear() / n * n);
        };
    }

    private static ZonedDateTime advance(ZonedDateTime t, Step step) {
        int n = step.count();
        return switch (step.field()) {
            case SECOND -> t.plus(Duration.ofSeconds(n));
            case MINUTE -> t.plus(Duration.ofMinutes(n));
            case HOUR -> {
                // local wall-clock hours, so DST days keep 00/06/12/18 labels
                ZonedDateTime next = t.toLocalDateTime().plusHours(n).atZone(t.getZone());
                yield next.isAfter(t) ? next : t.plusHours(n);
            }
            case DAY -> {
                ZonedDateTime next = t.plusDays(n);
                // restart the day grid each month so labels stay on 1, 3, 5, ...
                yield next.getMonthValue() != t.getMonthValue() && n > 1 ? next.withDayOfMonth(1) : next;
            }
            case WEEK -> t.plusWeeks(n);
            case MONTH -> t.plusMonths(n);
            case YEAR -> t.plusYears(n);
        };
    }

    private static String label(ZonedDateTime t, ZonedDateTime previous, Step step) {
        return switch (step.field()) {
            case SECOND -> t.getSecond() == 0 && t.getMinute() == 0 && t.getHour() == 0 ? DAY.format(t) : SECONDS.format(t);
            case MINUTE, HOUR -> t.getHour() == 0 && t.getMinute() == 0 ? DAY.format(t) : MINUTES.format(t);
            case DAY, WEEK -> DAY.format(t);
            case MONTH -> previous == null || t.getYear() != previous.getYear() ? MONTH_YEAR.format(t) : MONTH.format(t);
            case YEAR -> YEAR.format(t);
        };
    }

    /** A tooltip timestamp with the precision the range needs. */
    public static String formatInstant(long ts, long rangeMillis, ZoneId zone) {
        ZonedDateTime t = Instant.ofEpochMilli(ts).atZone(zone);
        String pattern = rangeMillis < 10 * M ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm";
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(t);
    }
}
