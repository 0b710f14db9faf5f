package io.vigia.dashboards.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A time range as the user chose it, one typed value from the picker to the painter: Grafana
 * expressions resolved at each refresh ({@link Relative}: {@code now-7d}, {@code now/w}, or
 * written dates), or fixed instants ({@link Absolute}: after a zoom, a shift, "Zoom to data").
 * Resolved, it becomes the {@link TimeRange} a panel's data answers.
 */
public sealed interface RangeChoice {

    /** Grafana's quick ranges, as its picker lists them. */
    List<RangeChoice> QUICK = List.copyOf(QuickRanges.SHOWN);

    /** The week's first day in every resolution (ISO). */
    DayOfWeek WEEK_START = DayOfWeek.MONDAY;

    /** What the picker shows when the time zone does not matter (absolute ranges in UTC). */
    String label();

    /** The start as a Grafana time expression, as a dashboard saves it. */
    String from();

    /** The end as a Grafana time expression. */
    String to();

    /** The instants this choice means at {@code now}, weeks starting on Monday (ISO). */
    TimeRange resolve(Instant now, ZoneId zone);

    /** What the picker shows in the dashboard's time zone. */
    default String describe(ZoneId zone) {
        return label();
    }

    /** A dashboard's saved range: the quick range it names, else the expressions under Grafana's name for them. */
    static RangeChoice of(String from, String to) {
        return new Relative(QuickRanges.describe(from, to), from, to);
    }

    /**
     * A range typed on one line ({@link RangeText}: {@code now-30d}, {@code 30d},
     * {@code 2025-04-01 to 2025-04-30}).
     *
     * @throws TimeSyntaxException where the text stops being a range
     */
    static RangeChoice parse(String text) {
        RangeText r = RangeText.parse(text);
        return of(r.from(), r.to());
    }

    /** Bounds relative to now ({@code now-7d}, {@code now/w}) or written times, resolved at each refresh. */
    record Relative(String label, String from, String to) implements RangeChoice {
        @Override
        public TimeRange resolve(Instant now, ZoneId zone) {
            return TimeRange.resolve(from, to, now, zone, WEEK_START);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Fixed instants, e.g. after a drag over a chart. */
    record Absolute(TimeRange range) implements RangeChoice {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        @Override
        public String label() {
            return describe(ZoneOffset.UTC) + " UTC";
        }

        /** Grafana's form for an absolute range: both ends as date and time in the zone. */
        @Override
        public String describe(ZoneId zone) {
            return FORMAT.format(range.from().atZone(zone)) + " to " + FORMAT.format(range.to().atZone(zone));
        }

        @Override
        public String from() {
            return Long.toString(range.from().toEpochMilli());
        }

        @Override
        public String to() {
            return Long.toString(range.to().toEpochMilli());
        }

        @Override
        public TimeRange resolve(Instant now, ZoneId zone) {
            return range;
        }

        @Override
        public String toString() {
            return label();
        }
    }
}
