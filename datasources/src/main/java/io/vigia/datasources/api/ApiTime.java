package io.vigia.datasources.api;

import java.time.Duration;
import java.time.Instant;

/** Request parameter formats shared by the Prometheus and Loki APIs. */
public final class ApiTime {
    private ApiTime() {
    }

    /** Unix seconds with a millisecond fraction, e.g. {@code 1700000000.123}, exact (no floating point). */
    public static String seconds(Instant t) {
        return seconds(t.toEpochMilli());
    }

    public static String seconds(long millis) {
        String sign = millis < 0 ? "-" : "";
        long abs = Math.abs(millis);
        long s = abs / 1000;
        long ms = abs % 1000;
        return sign + (ms == 0 ? Long.toString(s) : s + "." + String.format("%03d", ms));
    }

    /** A step or duration in seconds, e.g. {@code 15} or {@code 0.5}. */
    public static String seconds(Duration d) {
        return seconds(d.toMillis());
    }

    /** Nanoseconds since the epoch, Loki's native time format. */
    public static String nanos(Instant t) {
        return Long.toString(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano()));
    }
}
