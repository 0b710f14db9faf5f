package io.vigia.views.explore;

import io.vigia.datasources.promql.parser.ParseException;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error in a query, with the character range to underline ({@code start == end} when the
 * message gives no position), the message as shown, and whether the server said it (rather than
 * Vigia's own parser, before running).
 */
public record QueryError(int start, int end, String message, boolean fromServer) {
    // Prometheus: "1:5: parse error: ...", Loki: "parse error at line 1, col 5: ..."
    private static final Pattern PROMETHEUS = Pattern.compile("(\\d+):(\\d+): parse error: ");
    private static final Pattern LOKI = Pattern.compile("parse error at line (\\d+), col (\\d+)");

    public boolean hasPosition() {
        return end > start;
    }

    /** Vigia's parser's error, its range widened to at least one character so that it shows. */
    public static QueryError fromParse(String query, ParseException e) {
        int[] r = visible(query, e.pos().start(), e.pos().end());
        return new QueryError(r[0], r[1], e.getMessage(), false);
    }

    /** A server's (or the engine's) message, with the position it names, when it names one. */
    public static QueryError fromServer(String query, String message) {
        String m = message == null ? "query failed" : message;
        Optional<Integer> offset = position(query, m);
        if (offset.isEmpty()) {
            return new QueryError(0, 0, m, true);
        }
        int[] r = visible(query, offset.get(), offset.get());
        return new QueryError(r[0], r[1], m, true);
    }

    /**
     * The character offset of the "line:column" a message names. Prometheus counts the column in
     * UTF-8 bytes; Loki's lexer (Go's text/scanner) in characters.
     */
    static Optional<Integer> position(String query, String message) {
        Matcher p = PROMETHEUS.matcher(message);
        Matcher l = LOKI.matcher(message);
        Matcher found = p.find() ? p : l.find() ? l : null;
        if (found == null) {
            return Optional.empty();
        }
        boolean bytes = found == p;
        int line = Integer.parseInt(found.group(1));
        int column = Integer.parseInt(found.group(2));
        int lineStart = 0;
        for (int k = 1; k < line; k++) {
            int nl = query.indexOf('\n', lineStart);
            if (nl < 0) {
                return Optional.empty();
            }
            lineStart = nl + 1;
        }
        int offset = lineStart;
        int counted = 0;
        while (offset < query.length() && query.charAt(offset) != '\n' && counted < column - 1) {
            int cp = query.codePointAt(offset);
            counted += bytes ? new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length : 1;
            offset += Character.charCount(cp);
        }
        return Optional.of(offset);
    }

    private static int[] visible(String query, int start, int end) {
        int len = query.length();
        int s = Math.clamp(start, 0, len);
        int e = Math.clamp(end, s, len);
        if (e == s) {
            if (s < len) {
                e = s + 1;
            } else if (len > 0) {
                s = len - 1;
                e = len;
            }
        }
        return new int[] {s, e};
    }
}
