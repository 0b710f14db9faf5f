package io.vigia.app.cli;

import io.vigia.dashboards.time.PromDuration;
import io.vigia.dashboards.time.TimeExpression;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Times and steps as Prometheus's HTTP API takes them, plus Grafana's {@code now-1h} for convenience. */
final class CliTime {
    private CliTime() {
    }

    /** RFC 3339, Unix seconds (decimals allowed), or {@code now}, {@code now-1h}, ... */
    static Instant parse(String text, Instant now) {
        String s = text.strip();
        if (s.matches("-?\\d+(\\.\\d+)?")) {
            return Instant.ofEpochMilli(new BigDecimal(s).movePointRight(3).longValue());
        }
        if (s.startsWith("now")) {
            return TimeExpression.resolve(s, now, ZoneId.of("UTC"), DayOfWeek.MONDAY, false);
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot parse \"" + s + "\" to a valid timestamp: use RFC 3339 "
                    + "(2026-11-17T08:00:00Z), Unix seconds (1763366400) or now-1h");
        }
    }

    /** A Prometheus duration ({@code 15s}, {@code 1m}) or a number of seconds. */
    static Duration step(String text) {
        String s = text.strip();
        if (s.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(new BigDecimal(s).movePointRight(3).longValue());
        }
        return PromDuration.parse(s);
    }
}
