package io.vigia.datasources.bindings.query;

import java.util.EnumMap;
import java.util.Map;

/** Exact values to select by dimension: {@code Filter.of(Dimension.SERVICE, "payments")}. */
public record Filter(Map<Dimension, String> equal) {
    public static final Filter NONE = new Filter(Map.of());

    public Filter {
        equal = equal.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(equal));
    }

    public static Filter of(Dimension d, String value) {
        return new Filter(Map.of(d, value));
    }

    public Filter and(Dimension d, String value) {
        EnumMap<Dimension, String> m = equal.isEmpty() ? new EnumMap<>(Dimension.class) : new EnumMap<>(equal);
        m.put(d, value);
        return new Filter(m);
    }

    public String get(Dimension d) {
        return equal.get(d);
    }
}
