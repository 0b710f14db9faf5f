package io.vigia.persistence.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable label set, sorted by name, as Prometheus models one. The metric name is the label
 * {@value #METRIC_NAME}. Kept as two parallel arrays so that a query result holding thousands of
 * series does not hold thousands of maps.
 */
public final class Labels implements Comparable<Labels> {
    public static final String METRIC_NAME = "__name__";
    public static final Labels EMPTY = new Labels(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;
    private final int hash;

    private Labels(String[] names, String[] values) {
        this.names = names;
        this.values = values;
        this.hash = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    /** Labels from alternating name/value pairs; empty values are dropped as Prometheus does. */
    public static Labels of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels need name/value pairs, got an odd count");
        }
        Builder b = builder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            b.set(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return b.build();
    }

    public static Labels of(Map<String, String> map) {
        Builder b = builder();
        map.forEach(b::set);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        for (int i = 0; i < names.length; i++) {
            b.map.put(names[i], values[i]);
        }
        return b;
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    public String name(int i) {
        return names[i];
    }

    public String value(int i) {
        return values[i];
    }

    /** The value of a label, or the empty string when absent (Prometheus semantics). */
    public String get(String name) {
        int i = Arrays.binarySearch(names, name);
        return i >= 0 ? values[i] : "";
    }

    public boolean has(String name) {
        return Arrays.binarySearch(names, name) >= 0;
    }

    public String metricName() {
        return get(METRIC_NAME);
    }

    public Labels withoutMetricName() {
        return has(METRIC_NAME) ? toBuilder().remove(METRIC_NAME).build() : this;
    }

    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new TreeMap<>();
        forEach(m::put);
        return m;
    }

    public List<String> names() {
        return List.of(names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels l && hash == l.hash
                && Arrays.equals(names, l.names) && Arrays.equals(values, l.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Orders like Prometheus's labels.Compare: pairwise by name, then value, then by length. */
    @Override
    public int compareTo(Labels o) {
        int n = Math.min(names.length, o.names.length);
        for (int i = 0; i < n; i++) {
            int c = names[i].compareTo(o.names[i]);
            if (c != 0) {
                return c;
            }
            c = values[i].compareTo(o.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(names.length, o.names.length);
    }

    /** Prometheus's own rendering: {@code name{a="x", b="y"}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String metric = metricName();
        sb.append(metric);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(METRIC_NAME)) {
                parts.add(names[i] + "=\"" + escape(values[i]) + "\"");
            }
        }
        if (!parts.isEmpty() || metric.isEmpty()) {
            sb.append('{').append(String.join(", ", parts)).append('}');
        }
        return sb.toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Mutable builder; {@link #build()} sorts and drops empty values. */
    public static final class Builder {
        private final TreeMap<String, String> map = new TreeMap<>();

        public Builder set(String name, String value) {
            if (value == null || value.isEmpty()) {
                map.remove(name);
            } else {
                map.put(name, value);
            }
            return this;
        }

        public Builder remove(String name) {
            map.remove(name);
            return this;
        }

        public String get(String name) {
            return map.getOrDefault(name, "");
        }

        public Labels build() {
            if (map.isEmpty()) {
                return EMPTY;
            }
            String[] n = map.keySet().toArray(new String[0]);
            String[] v = map.values().toArray(new String[0]);
            return new Labels(n, v);
        }
    }
}
