package io.vigia.dashboards.query;

import io.vigia.persistence.series.Labels;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Grafana's legend format: {@code {{label}}} replaced by the series' label value. */
public final class LegendFormat {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");

    private LegendFormat() {
    }

    public static String apply(String format, Labels labels) {
        if (format == null || format.isBlank() || format.equals("__auto")) {
            String s = labels.toString();
            return s.isEmpty() || s.equals("{}") ? "value" : s;
        }
        Matcher m = PLACEHOLDER.matcher(format);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(labels.get(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
