package io.vigia.dashboards.time;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The units of Grafana's date math, as its {@code datemath.ts} lists them ({@code y M w d h m s Q}).
 * Grafana's documentation also writes years as {@code Y} ({@code now/Y}); that is read as {@code y}.
 */
public enum DateMathUnit {
    SECONDS('s', "second", ChronoUnit.SECONDS, 1),
    MINUTES('m', "minute", ChronoUnit.MINUTES, 1),
    HOURS('h', "hour", ChronoUnit.HOURS, 1),
    DAYS('d', "day", ChronoUnit.DAYS, 1),
    WEEKS('w', "week", ChronoUnit.WEEKS, 1),
    MONTHS('M', "month", ChronoUnit.MONTHS, 1),
    QUARTERS('Q', "quarter", ChronoUnit.MONTHS, 3),
    YEARS('y', "year", ChronoUnit.YEARS, 1);

    /** The units as a user types them, for messages. */
    public static final String LETTERS = "s m h d w M Q y";

    private final char letter;
    private final String word;
    private final ChronoUnit chrono;
    private final int multiple;

    DateMathUnit(char letter, String word, ChronoUnit chrono, int multiple) {
        this.letter = letter;
        this.word = word;
        this.chrono = chrono;
        this.multiple = multiple;
    }

    public static Optional<DateMathUnit> of(char c) {
        char l = c == 'Y' ? 'y' : c;
        for (DateMathUnit u : values()) {
            if (u.letter == l) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    public char letter() {
        return letter;
    }

    /** "day", "month": Grafana's words in "Last 7 days". */
    public String word() {
        return word;
    }

    ZonedDateTime plus(ZonedDateTime t, long amount) {
        return t.plus(Math.multiplyExact(amount, multiple), chrono);
    }

    /** The start of the unit holding {@code t}, weeks starting on {@code weekStart}. */
    ZonedDateTime startOf(ZonedDateTime t, DayOfWeek weekStart) {
        return switch (this) {
            case SECONDS, MINUTES, HOURS -> t.truncatedTo(chrono);
            case DAYS -> t.truncatedTo(ChronoUnit.DAYS);
            case WEEKS -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(weekStart));
            case MONTHS -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case QUARTERS -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
            case YEARS -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
    }

    /** The last millisecond of the unit holding {@code t} (moment's {@code endOf}, which Grafana uses). */
    ZonedDateTime endOf(ZonedDateTime t, DayOfWeek weekStart) {
        return plus(startOf(t, weekStart), 1).minusNanos(1_000_000);
    }
}
