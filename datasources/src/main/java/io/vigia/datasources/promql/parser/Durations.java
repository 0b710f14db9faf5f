package io.vigia.datasources.promql.parser;

/** Prometheus duration strings ({@code 1h30m}, {@code 5m}, {@code 100ms}) to and from milliseconds. */
public final class Durations {
    private Durations() {
    }

    /** Milliseconds, or null when the text is not a valid duration. */
    public static Long parseMillisOrNull(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
        long[] mult = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};
        int next = 0;
        int i = 0;
        long total = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
            if (j == i) {
                return null;
            }
            long n;
            try {
                n = Long.parseLong(s.substring(i, j));
            } catch (NumberFormatException e) {
                return null;
            }
            int k = j;
            while (k < s.length() && Character.isLetter(s.charAt(k))) {
                k++;
            }
            String u = s.substring(j, k);
            int idx = -1;
            for (int x = next; x < units.length; x++) {
                if (units[x].equals(u)) {
                    idx = x;
                    break;
                }
            }
            if (idx < 0) {
                return null;
            }
            try {
                total = Math.addExact(total, Math.multiplyExact(n, mult[idx]));
            } catch (ArithmeticException e) {
                return null;
            }
            next = idx + 1;
            i = k;
        }
        // Prometheus holds durations in Go nanoseconds: about 292 years at most.
        return total > Long.MAX_VALUE / 1_000_000 ? null : total;
    }

    /** Formats like Prometheus's model.Duration.String(). */
    public static String format(long ms) {
        if (ms == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (ms < 0) {
            sb.append('-');
            ms = -ms;
        }
        long[] mult = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};
        String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
        for (int i = 0; i < mult.length; i++) {
            if (ms >= mult[i]) {
                sb.append(ms / mult[i]).append(units[i]);
                ms %= mult[i];
            }
        }
        return sb.toString();
    }
}
