package io.vigia.dashboards.time;

import java.time.Duration;

/** Prometheus duration syntax ({@code 1h30m}, {@code 5m}, {@code 15s}, {@code 2d}, {@code 1w}, {@code 1y}, {@code 100ms}). */
public final class PromDuration {
    private PromDuration() {
    }

    public static Duration parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        long ms = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("\"" + s + "\" is not a duration (e.g. 5m, 1h30m, 7d)");
            }
            long n = Long.parseLong(s.substring(start, i));
            long unit;
            if (s.startsWith("ms", i)) {
                unit = 1;
                i += 2;
            } else if (i < s.length()) {
                unit = switch (s.charAt(i)) {
                    case 's' -> 1000L;
                    case 'm' -> 60_000L;
                    case 'h' -> 3_600_000L;
                    case 'd' -> 86_400_000L;
                    case 'w' -> 7 * 86_400_000L;
                    case 'y' -> 365 * 86_400_000L;
                    default -> throw new IllegalArgumentException("\"" + s + "\": unknown unit '" + s.charAt(i) + "'");
                };
                i++;
            } else {
                throw new IllegalArgumentException("\"" + s + "\": a unit (ms s m h d w y) must follow " + n);
            }
            ms = Math.addExact(ms, Math.multiplyExact(n, unit));
        }
        return Duration.ofMillis(ms);
    }
}
