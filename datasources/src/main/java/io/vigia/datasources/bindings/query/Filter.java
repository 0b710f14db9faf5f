package io.vigia.datasources.bindings.query;

import java.util.EnumMap;
import java.util.Map;

/**
 * Values to select by dimension: exact ({@code Filter.of(Dimension.SERVICE, "payments")}) or an
 * RE2 regex ({@code Filter.matching(Dimension.SERVICE, "$service")}, what a dashboard variable
 * expands into: one value, or an escaped alternation for several and All).
 */
public record Filter(Map<Dimension, String> equal, Map<Dimension, String> matching) {
    public static final Filter NONE = new Filter(Map.of(), Map.of());

    public Filter {
        equal = equal.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(equal));
        matching = matching == null || matching.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(matching));
    }

    public Filter(Map<Dimension, String> equal) {
        this(equal, Map.of());
    }

    public static Filter of(Dimension d, String value) {
        return new Filter(Map.of(d, value));
    }

    public static Filter matching(Dimension d, String regex) {
        return new Filter(Map.of(), Map.of(d, regex));
    }

    public Filter and(Dimension d, String value) {
        EnumMap<Dimension, String> m = equal.isEmpty() ? new EnumMap<>(Dimension.class) : new EnumMap<>(equal);
        m.put(d, value);
        return new Filter(m, matching);
    }

    public Filter andMatching(Dimension d, String regex) {
        EnumMap<Dimension, String> m = matching.isEmpty() ? new EnumMap<>(Dimension.class) : new EnumMap<>(matching);
        m.put(d, regex);
        return new Filter(equal, m);
    }

    /** The exact value selected for {@code d}; null when none. */
    public String get(Dimension d) {
        return equal.get(d);
    }

    /** The regex selected for {@code d}; null when none. */
    public String regex(Dimension d) {
        return matching.get(d);
    }

    /** Whether {@code d} is selected at all, exactly or by regex. */
    public boolean selects(Dimension d) {
        return equal.containsKey(d) || matching.containsKey(d);
    }

    /** Adds the matcher for {@code d} on {@code label}, if {@code d} is selected. */
    void apply(Dimension d, String label, PromqlText.Matchers m) {
        if (equal.containsKey(d)) {
            m.eq(label, equal.get(d));
        }
        if (matching.containsKey(d)) {
            m.regex(label, matching.get(d));
        }
    }
}
