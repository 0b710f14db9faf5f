package io.vigia.persistence.series;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One PromQL label matcher. Regular expressions are fully anchored, as in Prometheus, and an
 * absent label matches like the empty string.
 */
public record LabelMatcher(Type type, String name, String value, Pattern pattern) {

    public enum Type {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Type(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public LabelMatcher {
        Objects.requireNonNull(type);
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
    }

    public static LabelMatcher equal(String name, String value) {
        return new LabelMatcher(Type.EQUAL, name, value, null);
    }

    public static LabelMatcher notEqual(String name, String value) {
        return new LabelMatcher(Type.NOT_EQUAL, name, value, null);
    }

    /** @throws java.util.regex.PatternSyntaxException for a bad expression */
    public static LabelMatcher regex(String name, String regex) {
        return new LabelMatcher(Type.REGEX, name, regex, Pattern.compile("^(?:" + regex + ")$", Pattern.DOTALL));
    }

    public static LabelMatcher notRegex(String name, String regex) {
        return new LabelMatcher(Type.NOT_REGEX, name, regex, Pattern.compile("^(?:" + regex + ")$", Pattern.DOTALL));
    }

    public static LabelMatcher of(Type type, String name, String value) {
        return switch (type) {
            case EQUAL -> equal(name, value);
            case NOT_EQUAL -> notEqual(name, value);
            case REGEX -> regex(name, value);
            case NOT_REGEX -> notRegex(name, value);
        };
    }

    public boolean matches(String labelValue) {
        String v = labelValue == null ? "" : labelValue;
        return switch (type) {
            case EQUAL -> v.equals(value);
            case NOT_EQUAL -> !v.equals(value);
            case REGEX -> pattern.matcher(v).matches();
            case NOT_REGEX -> !pattern.matcher(v).matches();
        };
    }

    public boolean matches(Labels labels) {
        return matches(labels.get(name));
    }

    /** True when this matcher also accepts series that lack the label. */
    public boolean matchesEmpty() {
        return matches("");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMatcher m && type == m.type && name.equals(m.name) && value.equals(m.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, value);
    }

    @Override
    public String toString() {
        return name + type.symbol + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
