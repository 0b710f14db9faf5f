package io.vigia.dashboards.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A time range as the user chose it, one typed value from the picker to the painter: Grafana
 * expressions resolved at each refresh ({@link Relative}), or fixed instants after a zoom
 * ({@link Absolute}). Resolved, it becomes the {@link TimeRange} a panel's data answers.
 */
public sealed interface RangeChoice {

    /** Grafana's quick ranges that Vigia offers in its pickers. */
    List<RangeChoice> QUICK = List.of(
            new Relative("Last 6 hours", "now-6h", "now"),
            new Relative("Last 24 hours", "now-24h", "now"),
            new Relative("Last 7 days", "now-7d", "now"),
            new Relative("Last 14 days", "now-14d", "now"),
            new Relative("Last 30 days", "now-30d", "now"),
            new Relative("This week so far", "now/w", "now"),
            new Relative("Previous week", "now-1w/w", "now-1w/w"));

    /** What the picker shows. */
    String label();

    /** The start as a Grafana time expression, as a dashboard saves it. */
    String from();

    /** The end as a Grafana time expression. */
    String to();

    /** The instants this choice means at {@code now}, weeks starting on Monday (ISO). */
    TimeRange resolve(Instant now, ZoneId zone);

    /** A dashboard's saved range: the quick range it names, else the expressions as they are. */
    static RangeChoice of(String from, String to) {
        return QUICK.stream().filter(r -> r.from().equals(from) && r.to().equals(to)).findFirst()
                .orElse(new Relative(from + " to " + to, from, to));
    }

    /** Bounds relative to now ({@code now-7d}, {@code now/w}) or absolute text, resolved at each refresh. */
    record Relative(String label, String from, String to) implements RangeChoice {
        @Override
        public TimeRange resolve(Instant now, ZoneId zone) {
            return TimeRange.resolve(from, to, now, zone, DayOfWeek.MONDAY);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Fixed instants, e.g. after a drag over a chart. */
    record Absolute(TimeRange range) implements RangeChoice {
        @Override
        public String label() {
            return "Zoomed";
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
