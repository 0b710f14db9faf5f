package io.vigia.datasources.serve;

import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.promql.parser.Durations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parameter parsing of Prometheus's web/api/v1 ({@code parseTime}, {@code parseDuration},
 * {@code parseLimitParam}), with its error messages, so clients see the same {@code bad_data}
 * answers a Prometheus gives.
 */
final class ApiParams {
    /** Prometheus's MinTime and MaxTime (the defaults of optional ranges), in milliseconds. */
    static final long MIN_TIME_MS = (Long.MIN_VALUE / 1000 + 62135596801L) * 1000;
    static final long MAX_TIME_MS = (Long.MAX_VALUE / 1000 - 62135596801L) * 1000 + 999;

    private ApiParams() {
    }

    /** A time parameter: Unix seconds (fraction rounded to milliseconds) or RFC 3339; {@code dflt} when empty. */
    static long time(FormParams p, String name, long dflt) {
        String v = p.get(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            return parseTime(v);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "invalid time value for '" + name + "': " + e.getMessage());
        }
    }

    /** A required time parameter (query_range's start and end). */
    static long requiredTime(FormParams p, String name) {
        try {
            return parseTime(p.get(name));
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
    }

    static long parseTime(String s) {
        try {
            BigDecimal seconds = new BigDecimal(s.trim());
            return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number: RFC 3339 below
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("cannot parse \"" + s + "\" to a valid timestamp");
        }
    }

    /** A duration parameter: seconds (may be fractional) or a Prometheus duration such as {@code 1m30s}; in ms. */
    static long duration(FormParams p, String name) {
        String s = p.get(name);
        try {
            double seconds = Double.parseDouble(s);
            if (Double.isNaN(seconds) || Math.abs(seconds * 1000) >= Long.MAX_VALUE / 1000.0) {
                throw invalid(name, "cannot parse \"" + s + "\" to a valid duration. It overflows int64");
            }
            return Math.round(seconds * 1000);
        } catch (NumberFormatException e) {
            Long ms = Durations.parseMillisOrNull(s);
            if (ms == null) {
                throw invalid(name, "cannot parse \"" + s + "\" to a valid duration");
            }
            return ms;
        }
    }

    /** {@code limit}: 0 (none) when empty; non-negative. */
    static int limit(FormParams p) {
        String s = p.get("limit");
        if (s.isEmpty()) {
            return 0;
        }
        int limit;
        try {
            limit = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw invalid("limit", "strconv.Atoi: parsing \"" + s + "\": invalid syntax");
        }
        if (limit < 0) {
            throw invalid("limit", "limit must be non-negative");
        }
        return limit;
    }

    static Instant instantOrNull(long ms, long unbounded) {
        return ms == unbounded ? null : Instant.ofEpochMilli(ms);
    }

    /** Prometheus's invalidParamError: {@code invalid parameter "NAME": WHY}. */
    static QueryException invalid(String name, String why) {
        return new QueryException("bad_data", "invalid parameter \"" + name + "\": " + why);
    }
}
