package io.vigia.datasources.bindings.query;

import io.vigia.datasources.promql.parser.GoStrings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Building blocks of generated PromQL. Label values are quoted as Go strings, regexes are built from
 * quoted literals, so a hostile label value stays a value.
 */
final class PromqlText {
    private PromqlText() {
    }

    /** A matcher list under construction. */
    static final class Matchers {
        private final List<String> parts = new ArrayList<>();

        Matchers eq(String label, String value) {
            parts.add(label + "=" + GoStrings.quote(value));
            return this;
        }

        Matchers regex(String label, String regex) {
            parts.add(label + "=~" + GoStrings.quote(regex));
            return this;
        }

        Matchers notRegex(String label, String regex) {
            parts.add(label + "!~" + GoStrings.quote(regex));
            return this;
        }

        Matchers all(Map<String, String> fixed) {
            new TreeMap<>(fixed).forEach(this::eq);
            return this;
        }

        Matchers addAll(Matchers other) {
            parts.addAll(other.parts);
            return this;
        }

        Matchers copy() {
            Matchers m = new Matchers();
            m.parts.addAll(parts);
            return m;
        }

        String on(String metric) {
            return parts.isEmpty() ? metric : metric + "{" + String.join(", ", parts) + "}";
        }
    }

    static Matchers matchers() {
        return new Matchers();
    }

    /** {@code by (a, b)} or "" for none. */
    static String by(List<String> labels) {
        return labels.isEmpty() ? "" : "by (" + String.join(", ", labels) + ") ";
    }

    /** A regex that matches exactly one of the values, optionally ignoring case. */
    static String oneOf(List<String> values, boolean ignoreCase) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add(literal(v));
        }
        return (ignoreCase ? "(?i)" : "") + String.join("|", quoted);
    }

    /** A regex matching the text literally (RE2 and Java agree on these escapes). */
    static String literal(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
