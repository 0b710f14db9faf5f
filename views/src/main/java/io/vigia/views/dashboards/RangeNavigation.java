package io.vigia.views.dashboards;

import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.TimeRange;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A dashboard's time range: the choice in the picker (Grafana's grammar), zoom, and back and
 * forward as in a browser. The choice stays one typed {@link RangeChoice} until it is resolved to
 * instants at a refresh ({@link #resolveNow()}); panels' data then carries that range.
 */
public final class RangeNavigation {
    private final ObjectProperty<RangeChoice> range = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TimeRange> resolved = new ReadOnlyObjectWrapper<>();
    private final Deque<RangeChoice> history = new ArrayDeque<>();
    private final Deque<RangeChoice> forward = new ArrayDeque<>();
    private final Clock clock;
    private final ZoneId zone;
    private boolean navigating;

    public RangeNavigation(RangeChoice initial, Clock clock, ZoneId zone, Runnable onChange) {
        this.clock = clock;
        this.zone = zone;
        range.set(initial);
        range.addListener((o, a, b) -> {
            if (a != null && !a.equals(b)) {
                history.push(a);
                if (!navigating) {
                    forward.clear(); // a new choice ends the way forward, as in a browser
                }
            }
            onChange.run();
        });
    }

    public ObjectProperty<RangeChoice> rangeProperty() {
        return range;
    }

    /** The instants of the last refresh. */
    public ReadOnlyObjectProperty<TimeRange> resolvedProperty() {
        return resolved.getReadOnlyProperty();
    }

    /** Resolves the choice at the clock's now, as the range of a new refresh. */
    public TimeRange resolveNow() {
        TimeRange r = range.get().resolve(clock.instant(), zone);
        resolved.set(r);
        return r;
    }

    /** The range of the last refresh, or the choice resolved now when there was none. */
    TimeRange current() {
        return resolved.get() == null ? range.get().resolve(clock.instant(), zone) : resolved.get();
    }

    /** Zooms to an absolute range, e.g. after a drag over a chart; less than a minute is ignored. */
    public void zoomTo(long fromMillis, long toMillis) {
        if (toMillis - fromMillis < 60_000) {
            return;
        }
        range.set(new RangeChoice.Absolute(new TimeRange(Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillis))));
    }

    /**
     * Moves the range back by its own length, as fixed instants (a relative range becomes
     * absolute, as in Grafana). Grafana's arrows move by half a range; a whole one pages through
     * history without overlap.
     */
    public boolean shiftBack() {
        TimeRange r = current();
        if (r.length().isZero()) {
            return false;
        }
        range.set(new RangeChoice.Absolute(r.shiftedBack(r.length())));
        return true;
    }

    /**
     * Moves the range forward by its own length, stopping at now (Grafana's upper limit); false
     * when it already ends at or after now.
     */
    public boolean shiftForward() {
        TimeRange r = current();
        Instant now = clock.instant();
        if (r.length().isZero() || !r.to().isBefore(now)) {
            return false;
        }
        Instant to = r.to().plus(r.length());
        if (to.isAfter(now)) {
            to = now;
        }
        range.set(new RangeChoice.Absolute(new TimeRange(to.minus(r.length()), to)));
        return true;
    }

    /** Twice as long around the same centre (Grafana's {@code t z}). */
    public void zoomOut() {
        TimeRange r = current();
        range.set(new RangeChoice.Absolute(r.length().isZero()
                ? new TimeRange(r.from().minusSeconds(15), r.to().plusSeconds(15)) : r.zoomOut()));
    }

    /** The time zone ranges are resolved and shown in. */
    public ZoneId zone() {
        return zone;
    }

    /** The clock ranges are resolved at. */
    public Clock clock() {
        return clock;
    }

    /** Back to the range before the last change. */
    public boolean back() {
        if (history.isEmpty()) {
            return false;
        }
        RangeChoice previous = history.pop();
        forward.push(range.get());
        navigating = true;
        try {
            range.set(previous);
        } finally {
            navigating = false;
        }
        history.pop(); // setting it pushed the current one; going back must not grow the history
        return true;
    }

    /** Returns to the range left by {@link #back()}. */
    public boolean forward() {
        if (forward.isEmpty()) {
            return false;
        }
        navigating = true;
        try {
            range.set(forward.pop());
        } finally {
            navigating = false;
        }
        return true;
    }

    public boolean canGoForward() {
        return !forward.isEmpty();
    }

    public boolean canGoBack() {
        return !history.isEmpty();
    }
}
