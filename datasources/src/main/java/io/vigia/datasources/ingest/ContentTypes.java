package io.vigia.datasources.ingest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The media type of a Content-Type header as Go's mime.ParseMediaType reads it, which is how
 * Prometheus picks its parser (textparse.New at v2.42.0): a header it cannot parse, for instance
 * a parameter without '=', selects the text format whatever its media type says.
 */
final class ContentTypes {
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private ContentTypes() {
    }

    /** The lower-case {@code type/subtype}, or null where Go would return an error. */
    static String mediaType(String header) {
        int semicolon = header.indexOf(';');
        String base = (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        int slash = base.indexOf('/');
        if (slash < 0 ? !isToken(base) : !isToken(base.substring(0, slash)) || !isToken(base.substring(slash + 1))) {
            return null;
        }
        return semicolon < 0 || validParameters(header.substring(semicolon)) ? base : null;
    }

    /** {@code (; key=value)*}, blanks allowed around each part, a lone trailing ';' ignored, no key twice. */
    private static boolean validParameters(String s) {
        Set<String> keys = new HashSet<>();
        int i = 0;
        while (true) {
            i = skipSpace(s, i);
            if (i == s.length()) {
                return true;
            }
            if (s.charAt(i) != ';') {
                return false;
            }
            i = skipSpace(s, i + 1);
            int keyEnd = tokenEnd(s, i);
            if (keyEnd == i) {
                return s.substring(i).isBlank(); // "a/b;" : a trailing semicolon
            }
            if (!keys.add(s.substring(i, keyEnd).toLowerCase(Locale.ROOT))) {
                return false;
            }
            i = skipSpace(s, keyEnd);
            if (i == s.length() || s.charAt(i) != '=') {
                return false;
            }
            i = skipSpace(s, i + 1);
            int valueEnd = i < s.length() && s.charAt(i) == '"' ? quotedEnd(s, i) : tokenEnd(s, i);
            if (valueEnd <= i) {
                return false;
            }
            i = valueEnd;
        }
    }

    private static int quotedEnd(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isToken(String s) {
        return !s.isEmpty() && tokenEnd(s, 0) == s.length();
    }

    private static int tokenEnd(String s, int i) {
        while (i < s.length() && s.charAt(i) > 0x20 && s.charAt(i) < 0x7f && TSPECIALS.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
