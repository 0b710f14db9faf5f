package io.vigia.datasources.api;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import io.vigia.persistence.series.Labels;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming-JSON primitives shared by the Prometheus and Loki decoders. Values that Prometheus
 * sends as strings ({@code "12.5"}, {@code "NaN"}, {@code "+Inf"}) are parsed from Jackson's
 * character buffer with FastDoubleParser, without a {@code String} per sample; timestamps in
 * seconds with a millisecond fraction are turned into epoch milliseconds with integer arithmetic
 * so {@code 1435781451.781} becomes exactly {@code 1435781451781}.
 */
public final class ApiJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE / 4)
                    .maxNestingDepth(200)
                    .build())
            .build();

    private ApiJson() {
    }

    public static JsonParser parser(byte[] body) {
        return FACTORY.createParser(ObjectReadContext.empty(), body);
    }

    /** The first byte that is not JSON white space, or -1 for an empty/blank body. */
    public static int firstSignificantByte(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b & 0xff;
            }
        }
        // a UTF-8 byte order mark alone also counts as blank
        return -1;
    }

    /** Epoch milliseconds from a timestamp in seconds (JSON number, or a string holding one). */
    public static long timestampMillis(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long seconds = p.getLongValue();
            if (Math.abs(seconds) > Long.MAX_VALUE / 1000) {
                throw new ShapeException("timestamp out of range: " + seconds + " s");
            }
            return seconds * 1000L;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
            return secondsToMillis(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
        }
        throw new ShapeException("expected a timestamp (seconds), found " + describe(p));
    }

    /** Seconds with an optional fraction, as text, to milliseconds; rounds half up beyond 1 ms. */
    static long secondsToMillis(char[] c, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (i < end && (c[i] == '-' || c[i] == '+')) {
            negative = c[i] == '-';
            i++;
        }
        long seconds = 0;
        int digits = 0;
        while (i < end && c[i] >= '0' && c[i] <= '9') {
            seconds = seconds * 10 + (c[i++] - '0');
            if (++digits > 15) {
                return slowSecondsToMillis(c, off, len);
            }
        }
        long millis = 0;
        int fraction = 0;
        int round = 0;
        if (i < end && c[i] == '.') {
            i++;
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                int d = c[i++] - '0';
                if (fraction < 3) {
                    millis = millis * 10 + d;
                } else if (fraction == 3 && d >= 5) {
                    round = 1;
                }
                fraction++;
            }
        }
        if (i != end || (digits == 0 && fraction == 0)) {
            return slowSecondsToMillis(c, off, len);
        }
        for (int f = Math.min(fraction, 3); f < 3; f++) {
            millis *= 10;
        }
        long r = seconds * 1000 + millis + round;
        return negative ? -r : r;
    }

    private static long slowSecondsToMillis(char[] c, int off, int len) {
        String s = new String(c, off, len);
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d) || Math.abs(d) > 9.2e15) {
                throw new ShapeException("timestamp out of range: " + s);
            }
            return Math.round(d * 1000.0);
        } catch (NumberFormatException e) {
            throw new ShapeException("not a timestamp: \"" + s + "\"");
        }
    }

    /** A sample value: a string such as {@code "1.5"}, {@code "NaN"}, {@code "+Inf"}, or a bare number. */
    public static double sampleValue(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return parseValue(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        throw new ShapeException("expected a sample value (string), found " + describe(p));
    }

    public static double parseValue(char[] c, int off, int len) {
        if (len > 0 && len <= 15) {
            // integer values (counters, gauges like "1") are the common case: exact in a double below 2^53
            long v = 0;
            int i = off;
            int end = off + len;
            while (i < end) {
                int d = c[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                v = v * 10 + d;
                i++;
            }
            if (i == end) {
                return v;
            }
        }
        if (len > 0) {
            char first = c[off];
            char second = len > 1 ? c[off + 1] : 0;
            if (first == 'N' || first == 'n') {
                if (len == 3 && (c[off + 1] == 'a' || c[off + 1] == 'A') && (c[off + 2] == 'N' || c[off + 2] == 'n')) {
                    return Double.NaN;
                }
            } else if (first == 'I' || first == 'i' || ((first == '+' || first == '-') && (second == 'I' || second == 'i'))) {
                String s = new String(c, off, len);
                switch (s) {
                    case "+Inf", "Inf", "+inf", "inf", "Infinity", "+Infinity" -> {
                        return Double.POSITIVE_INFINITY;
                    }
                    case "-Inf", "-inf", "-Infinity" -> {
                        return Double.NEGATIVE_INFINITY;
                    }
                    default -> {
                        // falls through to the error below
                    }
                }
            }
        }
        try {
            return JavaDoubleParser.parseDouble(c, off, len);
        } catch (NumberFormatException e) {
            String s = new String(c, off, Math.min(len, 64));
            throw new ShapeException("not a sample value: \"" + s + "\"");
        }
    }

    /** Nanoseconds since the epoch from Loki's decimal string (or number). */
    public static long nanos(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new ShapeException("expected a nanosecond timestamp string, found " + describe(p));
        }
        char[] c = p.getStringCharacters();
        int off = p.getStringOffset();
        int len = p.getStringLength();
        if (len == 0 || len > 19) {
            throw new ShapeException("not a nanosecond timestamp: \"" + new String(c, off, Math.min(len, 40)) + "\"");
        }
        long r = 0;
        for (int i = off; i < off + len; i++) {
            char ch = c[i];
            if (ch < '0' || ch > '9') {
                throw new ShapeException("not a nanosecond timestamp: \"" + new String(c, off, len) + "\"");
            }
            r = r * 10 + (ch - '0');
        }
        return r;
    }

    /** A JSON object of string values as {@link Labels}; the parser is on START_OBJECT. */
    public static Labels labels(JsonParser p) {
        expect(p, JsonToken.START_OBJECT, "a label set object");
        Labels.Builder b = Labels.builder();
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_STRING) {
                throw new ShapeException("label " + name + " is not a string but " + describe(p));
            }
            b.set(name, p.getString());
        }
        return b.build();
    }

    public static List<String> stringList(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(p, JsonToken.START_ARRAY, "an array of strings");
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                throw new ShapeException("expected strings in the array, found " + describe(p));
            }
            out.add(p.getString());
        }
        return out;
    }

    /** Any JSON value as Map (insertion order) / List / String / Long / Double / Boolean / null. */
    public static Object tree(JsonParser p) {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                String name;
                while ((name = p.nextName()) != null) {
                    p.nextToken();
                    m.put(name, tree(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(tree(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new ShapeException("unexpected " + describe(p));
        }
    }

    public static void expect(JsonParser p, JsonToken expected, String what) {
        if (p.currentToken() != expected) {
            throw new ShapeException("expected " + what + ", found " + describe(p));
        }
    }

    public static String describe(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "end of input";
        }
        String where = " at line " + p.currentTokenLocation().getLineNr() + ", column " + p.currentTokenLocation().getColumnNr();
        return switch (t) {
            case START_OBJECT -> "an object" + where;
            case START_ARRAY -> "an array" + where;
            case VALUE_STRING -> "a string" + where;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number" + where;
            case VALUE_TRUE, VALUE_FALSE -> "a boolean" + where;
            case VALUE_NULL -> "null" + where;
            default -> t + where;
        };
    }

    /** Describes a Jackson failure (truncated, malformed) with its position. */
    public static String describe(JacksonException e) {
        String msg = e.getOriginalMessage() == null ? String.valueOf(e.getMessage()) : e.getOriginalMessage();
        msg = msg.lines().findFirst().orElse(msg);
        boolean eof = e instanceof tools.jackson.core.exc.UnexpectedEndOfInputException;
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return (eof ? "truncated JSON (the body ends in the middle of a value)" : "malformed JSON") + where + ": " + msg;
    }

    /** The JSON is well-formed but not shaped like the expected API response. */
    public static final class ShapeException extends RuntimeException {
        public ShapeException(String message) {
            super(message);
        }
    }
}
