package io.vigia.datasources.grafana;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Chooses a query's step the way Grafana does for Prometheus panels, so a dashboard fetches about
 * one point per pixel and never more than Prometheus's 11,000 points per series:
 * <pre>
 *   maxDataPoints = panel width in pixels
 *   interval      = range / maxDataPoints, raised to the source's min interval, else rounded to a nice value
 *   safe          = range / 11000, rounded to a nice value when above the min interval
 *   step          = max(interval, safe)
 * </pre>
 * and expands Grafana's variables: {@code $__interval}, {@code $__interval_ms}, {@code $__rate_interval}
 * (= max(interval + scrape interval, 4 × scrape interval)), {@code $__range}, {@code $__range_s},
 * {@code $__range_ms}, in {@code $name} and {@code ${name}} forms.
 *
 * @param step          the step to send (also {@code $__interval})
 * @param rateInterval  {@code $__rate_interval}
 * @param start         start aligned down to a multiple of the step, so cached windows line up
 * @param end           end aligned down to a multiple of the step
 * @param range         the requested range (before alignment), for {@code $__range}
 */
public record GrafanaResolution(Duration step, Duration rateInterval, Instant start, Instant end, Duration range,
                                int maxDataPoints) {

    /** Prometheus refuses range queries with more points per series than this. */
    public static final long MAX_POINTS_PER_SERIES = 11_000;

    /**
     * @param maxDataPoints panel width in pixels (Grafana's default when unknown: 1500)
     * @param minInterval   the data source's scrape interval / min interval (Grafana's default: 15 s)
     */
    public static GrafanaResolution compute(Instant from, Instant to, int maxDataPoints, Duration minInterval) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("time range ends before it starts: " + from + " .. " + to);
        }
        int points = maxDataPoints > 0 ? maxDataPoints : 1500;
        long min = minInterval == null || minInterval.isZero() || minInterval.isNegative() ? 1 : minInterval.toMillis();
        long rangeMs = Math.max(1, Duration.between(from, to).toMillis());

        long calculated = rangeMs / points;
        long interval = calculated < min ? min : roundInterval(calculated);
        long safe = rangeMs / MAX_POINTS_PER_SERIES;
        if (safe > min) {
            safe = roundInterval(safe);
        }
        long step = Math.max(Math.max(interval, safe), 1);
        // rounding can land below the 11,000-point limit's floor; never exceed the limit
        while (rangeMs / step > MAX_POINTS_PER_SERIES) {
            step++;
        }
        long rate = Math.max(step + min, 4 * min);
        long s = Math.floorDiv(from.toEpochMilli(), step) * step;
        long e = Math.floorDiv(to.toEpochMilli(), step) * step;
        return new GrafanaResolution(Duration.ofMillis(step), Duration.ofMillis(rate), Instant.ofEpochMilli(s),
                Instant.ofEpochMilli(e), Duration.ofMillis(rangeMs), points);
    }

    /** Grafana's table of "nice" intervals: the value a raw interval rounds to. */
    static long roundInterval(long ms) {
        long[][] table = {
                // upper bound (exclusive) -> rounded interval, in ms
                {15, 10}, {35, 20}, {75, 50}, {150, 100}, {350, 200}, {750, 500}, {1_500, 1_000},
                {3_500, 2_000}, {7_500, 5_000}, {12_500, 10_000}, {17_500, 15_000}, {25_000, 20_000},
                {45_000, 30_000}, {90_000, 60_000}, {210_000, 120_000}, {450_000, 300_000}, {750_000, 600_000},
                {1_050_000, 900_000}, {1_500_000, 1_200_000}, {2_700_000, 1_800_000}, {5_400_000, 3_600_000},
                {9_000_000, 7_200_000}, {16_200_000, 10_800_000}, {32_400_000, 21_600_000},
                {86_400_000, 43_200_000}, {604_800_000, 86_400_000}, {1_814_400_000, 604_800_000},
                {3_628_800_000L, 2_592_000_000L},
        };
        if (ms < 10) {
            return 1;
        }
        for (long[] row : table) {
            if (ms < row[0]) {
                return row[1];
            }
        }
        return 31_536_000_000L; // 1 year
    }

    /** Replaces Grafana's built-in variables in a PromQL or LogQL expression. */
    public String expand(String expr) {
        long rangeS = Math.round(range.toMillis() / 1000.0);
        String[][] vars = {
                // longer names first so $__interval_ms is not read as $__interval + "_ms"
                {"__rate_interval_ms", Long.toString(rateInterval.toMillis())},
                {"__rate_interval", promDuration(rateInterval.toMillis())},
                {"__interval_ms", Long.toString(step.toMillis())},
                {"__interval", promDuration(step.toMillis())},
                {"__range_ms", Long.toString(range.toMillis())},
                {"__range_s", Long.toString(rangeS)},
                {"__range", rangeS + "s"},
        };
        String out = expr;
        for (String[] v : vars) {
            out = out.replace("${" + v[0] + "}", v[1]);
        }
        StringBuilder sb = new StringBuilder(out.length());
        int i = 0;
        outer:
        while (i < out.length()) {
            if (out.charAt(i) == '$') {
                for (String[] v : vars) {
                    String name = v[0];
                    if (out.startsWith(name, i + 1)) {
                        int after = i + 1 + name.length();
                        boolean boundary = after >= out.length() || !(Character.isLetterOrDigit(out.charAt(after)) || out.charAt(after) == '_');
                        if (boundary) {
                            sb.append(v[1]);
                            i = after;
                            continue outer;
                        }
                    }
                }
            }
            sb.append(out.charAt(i++));
        }
        return sb.toString();
    }

    /** A Prometheus duration literal: {@code 15s}, {@code 1m30s}, {@code 250ms}, {@code 2h}. */
    public static String promDuration(long ms) {
        if (ms <= 0) {
            return "0s";
        }
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        StringBuilder sb = new StringBuilder();
        long rest = ms;
        for (int u = 0; u < units.length; u++) {
            long n = rest / units[u];
            if (n > 0) {
                sb.append(n).append(names[u]);
                rest -= n * units[u];
            }
        }
        return sb.toString();
    }
}
