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

    /** The shortest Prometheus spelling, e.g. 90 s → {@code 1m30s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long[] units = {365 * 86_400_000L, 7 * 86_400_000L, 86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
        String[] names = {"y", "w", "d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (ms >= units[i]) {
                sb.append(ms / units[i]).append(names[i]);
                ms %= units[i];
            }
        }
        return sb.toString();
    }
}
