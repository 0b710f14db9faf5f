package io.vigia.dashboards.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One time in Grafana's grammar, parsed: an anchor ({@code now}, a written date or epoch
 * milliseconds) and date math after it. As in Grafana's {@code datemath.ts}:
 * <ul>
 *   <li>{@code now} then any number of {@code +N<unit>}, {@code -N<unit>} (N defaults to 1) and
 *       {@code /<unit>} (round to the start of the unit for a range's start, to its last
 *       millisecond for its end), units {@code s m h d w M Q y}, {@code /fQ} and {@code /fy}
 *       fiscal (Vigia's fiscal year starts in January, Grafana's default), blanks ignored:
 *       {@code now-1M/M}, {@code now/w}, {@code now-1d-2h}, {@code now - 7d};</li>
 *   <li>an ISO-8601 date or date-time ({@code 2025-04-01}, {@code 2025-04}, {@code 2025},
 *       {@code 20250401}, {@code 2025-04-01 08:00}, {@code 2025-04-01T08:00:00.250Z},
 *       {@code 2025-04-01T08:00+02:00}); without an offset it is in the dashboard's time zone;</li>
 *   <li>a date followed by {@code ||} and date math ({@code 2025-04-01||+1M/M});</li>
 *   <li>epoch milliseconds (more than 8 digits), as Grafana's URLs carry them.</li>
 * </ul>
 * One deliberate difference: a date written without a time that ends a range means the end of
 * that day (month, year), so {@code 2025-04-01 to 2025-04-30} holds April 30; Grafana reads it as
 * midnight at its start.
 */
public record TimeExpression(String text, Anchor anchor, List<Step> steps) {
    public TimeExpression {
        steps = List.copyOf(steps);
    }

    /** Where the math starts. */
    public sealed interface Anchor {
    }

    /** The time of the refresh. */
    public record Now() implements Anchor {
    }

    /**
     * A written date-time; {@code offset} null means the dashboard's time zone. {@code precision}
     * is the last field written ({@code DAYS} for {@code 2025-04-01}).
     */
    public record Written(LocalDateTime local, ZoneOffset offset, ChronoUnit precision) implements Anchor {
    }

    /** Milliseconds since 1970-01-01T00:00Z. */
    public record Epoch(long millis) implements Anchor {
    }

    /** One operation of the date math. */
    public sealed interface Step {
    }

    /** {@code +N<unit>} or {@code -N<unit>}: {@code amount} is negative for minus. */
    public record Shift(long amount, DateMathUnit unit) implements Step {
    }

    /** {@code /<unit>} or {@code /f<unit>}. */
    public record Round(DateMathUnit unit, boolean fiscal) implements Step {
    }

    /**
     * @throws TimeSyntaxException where the text leaves Grafana's grammar, and why
     */
    public static TimeExpression parse(String text) {
        return new TimeExpressionParser(text == null ? "" : text).parse();
    }

    /**
     * The instant the text means at {@code now}.
     *
     * @param roundUp true for the end of a range: {@code now/d} is then the last millisecond of today
     * @throws TimeSyntaxException when the text is not a time
     */
    public static Instant resolve(String text, Instant now, ZoneId zone, DayOfWeek weekStart, boolean roundUp) {
        return parse(text).instant(now, zone, weekStart, roundUp);
    }

    /** True when the text depends on the current time, i.e. a range that moves. */
    public static boolean isRelative(String text) {
        return text != null && text.strip().startsWith("now");
    }

    /** True when this time moves with the clock. */
    public boolean relative() {
        return anchor instanceof Now;
    }

    /** A written date without a time of day and without math: a whole day, month or year. */
    public boolean wholePeriod() {
        return steps.isEmpty() && anchor instanceof Written w && w.precision().isDateBased();
    }

    public Instant instant(Instant now, ZoneId zone, DayOfWeek weekStart, boolean roundUp) {
        try {
            ZonedDateTime t = switch (anchor) {
                case Now n -> now.atZone(zone);
                case Written w -> w.offset() == null ? w.local().atZone(zone) : w.local().atOffset(w.offset()).atZoneSameInstant(zone);
                case Epoch e -> Instant.ofEpochMilli(e.millis()).atZone(zone);
            };
            if (roundUp && wholePeriod()) {
                ChronoUnit p = ((Written) anchor).precision();
                return t.plus(1, p).minusNanos(1_000_000).toInstant();
            }
            for (Step s : steps) {
                t = switch (s) {
                    case Shift sh -> sh.unit().plus(t, sh.amount());
                    // Vigia's fiscal year is the calendar year: fQ and fy round as Q and y
                    case Round r -> roundUp ? r.unit().endOf(t, weekStart) : r.unit().startOf(t, weekStart);
                };
            }
            return t.toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new TimeSyntaxException(text, 0, "\"" + text.strip() + "\" is out of the range of dates");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
