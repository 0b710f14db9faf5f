package io.vigia.dashboards.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A resolved time range: the start is inclusive, the end inclusive, both instants. */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Resolves Grafana-style bounds, e.g. {@code ("now-1M/M", "now-1M/M")} for the whole of last month. */
    public static TimeRange resolve(String from, String to, Instant now, ZoneId zone, DayOfWeek weekStart) {
        return new TimeRange(TimeExpression.resolve(from, now, zone, weekStart, false),
                TimeExpression.resolve(to, now, zone, weekStart, true));
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The same length, ending where this one starts: "the previous period" for comparisons. */
    public TimeRange previous() {
        return new TimeRange(from.minus(length()), from);
    }

    public TimeRange shiftedBack(Duration d) {
        return new TimeRange(from.minus(d), to.minus(d));
    }

    /** Zoomed to a sub-range, e.g. after a drag on a chart. */
    public TimeRange zoomTo(Instant a, Instant b) {
        return a.isBefore(b) ? new TimeRange(a, b) : new TimeRange(b, a);
    }

    /** Twice as long around the same centre (Grafana's zoom out). */
    public TimeRange zoomOut() {
        Duration half = length().dividedBy(2);
        return new TimeRange(from.minus(half), to.plus(half));
    }

    /** True when the two ranges share at least one instant. */
    public boolean overlaps(TimeRange other) {
        return !other.to.isBefore(from) && !other.from.isAfter(to);
    }
}
