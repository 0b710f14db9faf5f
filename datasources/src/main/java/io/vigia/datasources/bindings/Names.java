package io.vigia.datasources.bindings;

import java.util.regex.Pattern;

/** Checks that names bound from a catalog or typed by a user are Prometheus names, so generated PromQL stays well-formed. */
public final class Names {
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private Names() {
    }

    public static String requireMetric(String name) {
        if (name == null || !METRIC.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Prometheus metric name: " + quoted(name));
        }
        return name;
    }

    public static String requireLabel(String name) {
        if (name == null || !LABEL.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("not a Prometheus label name: " + quoted(name));
        }
        return name;
    }

    public static boolean isMetric(String name) {
        return name != null && METRIC.matcher(name).matches();
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "\"";
    }
}
