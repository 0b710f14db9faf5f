package io.vigia.dashboards.ask;

import io.vigia.dashboards.time.PromDuration;
import io.vigia.dashboards.time.TimeExpression;
import io.vigia.dashboards.time.TimeRange;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A plan's time range as the user would type it in the range picker: Grafana's grammar
 * ({@code now-7d}, {@code now-1w/w}), or {@code deploy-1h}/{@code deploy+1h} around the deploy a
 * step compares. Kept as text so that the plan shows what was understood and stays editable.
 */
public record TimeWindow(String from, String to) {
    public static final String DEPLOY = "deploy";

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static TimeWindow last(String duration) {
        return new TimeWindow("now-" + duration, "now");
    }

    /** {@code deploy-w} to {@code deploy+w}. */
    public static TimeWindow aroundDeploy(Duration w) {
        String d = text(w);
        return new TimeWindow(DEPLOY + "-" + d, DEPLOY + "+" + d);
    }

    public boolean isDeployRelative() {
        return from.startsWith(DEPLOY) || to.startsWith(DEPLOY);
    }

    /** The half-width of a deploy-relative window: {@code deploy-1h} gives one hour. */
    public Duration deployWindow() {
        if (!from.startsWith(DEPLOY + "-")) {
            throw new IllegalStateException("not a window around a deploy: " + from);
        }
        return PromDuration.parse(from.substring(DEPLOY.length() + 1));
    }

    /**
     * @param deploy the deploy's time, for {@code deploy±D} bounds (null when the window is not relative to one)
     * @throws IllegalArgumentException naming the bound that is not a time
     */
    public TimeRange resolve(Instant now, ZoneId zone, Instant deploy) {
        return new TimeRange(bound(from, now, zone, deploy, false), bound(to, now, zone, deploy, true));
    }

    private static Instant bound(String text, Instant now, ZoneId zone, Instant deploy, boolean end) {
        if (text.startsWith(DEPLOY)) {
            if (deploy == null) {
                throw new IllegalArgumentException("\"" + text + "\" needs a deploy to be relative to");
            }
            String rest = text.substring(DEPLOY.length());
            if (rest.isEmpty()) {
                return deploy;
            }
            Duration d = PromDuration.parse(rest.substring(1));
            return switch (rest.charAt(0)) {
                case '+' -> deploy.plus(d);
                case '-' -> deploy.minus(d);
                default -> throw new IllegalArgumentException("\"" + text + "\": expected + or - after deploy");
            };
        }
        return TimeExpression.resolve(text, now, zone, DayOfWeek.MONDAY, end);
    }

    /** A duration in the largest unit that divides it: 1h, 90m, 7d. */
    public static String text(Duration d) {
        long s = d.toSeconds();
        long[] sizes = {7 * 86_400, 86_400, 3_600, 60, 1};
        String[] units = {"w", "d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s != 0 && s % sizes[i] == 0) {
                return s / sizes[i] + units[i];
            }
        }
        return "0s";
    }

    @Override
    public String toString() {
        return from + " to " + to;
    }
}
