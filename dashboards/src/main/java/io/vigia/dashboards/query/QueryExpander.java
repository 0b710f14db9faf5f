package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Variable;
import io.vigia.datasources.grafana.GrafanaResolution;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces dashboard variables in a query, as Grafana does for Prometheus: {@code $var},
 * {@code ${var}}, {@code [[var]]} and {@code ${var:regex}}; a multi-value or "All" selection
 * becomes a regex alternation {@code (a|b)} (or the variable's custom all-value), with regex
 * metacharacters of each value escaped. Grafana's built-in {@code $__interval}-style macros are
 * then expanded by {@link GrafanaResolution#expand}.
 */
public final class QueryExpander {
    private static final Pattern REF = Pattern.compile("\\$\\{(\\w+)(?::(\\w+))?}|\\[\\[(\\w+)]]|\\$(\\w+)");

    private QueryExpander() {
    }

    /**
     * @param values     the selected values of each variable, by name ({@link Variable#ALL} for All)
     * @param allValues  every value of each variable, used to spell out "All"
     * @param resolution the panel's step and range, for the built-in macros
     */
    public static String expand(String expr, List<Variable> variables, Map<String, List<String>> values,
                                Map<String, List<String>> allValues, GrafanaResolution resolution) {
        return resolution.expand(expandVariables(expr, variables, values, allValues));
    }

    /** The dashboard variables alone, Grafana's macros left as they are (a variable's own query). */
    public static String expandVariables(String expr, List<Variable> variables, Map<String, List<String>> values,
                                         Map<String, List<String>> allValues) {
        Matcher m = REF.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(4);
            String format = m.group(2);
            Variable v = name.startsWith("__") ? null
                    : variables.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            String replacement = v == null ? m.group() : value(v, values.getOrDefault(name, v.current()),
                    allValues.getOrDefault(name, List.of()), format);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(Variable v, List<String> selected, List<String> all, String format) {
        boolean isAll = selected.contains(Variable.ALL);
        String allValue = switch (v) {
            case Variable.QueryVariable q -> q.allValue();
            case Variable.CustomVariable c -> c.allValue();
            default -> "";
        };
        if (isAll && !allValue.isEmpty()) {
            return allValue;
        }
        List<String> vals = isAll ? all : selected;
        if (vals.isEmpty()) {
            return isAll ? ".*" : "";
        }
        boolean regex = "regex".equals(format) || v.multi() || v.includeAll();
        if (!regex) {
            return vals.getFirst();
        }
        if (vals.size() == 1) {
            return escapeRegex(vals.getFirst());
        }
        return "(" + String.join("|", vals.stream().map(QueryExpander::escapeRegex).toList()) + ")";
    }

    /**
     * Escapes what RE2 treats as special, doubled because the value lands inside a PromQL string
     * literal ({@code =~"$var"}), where a backslash itself needs escaping: Grafana's Prometheus
     * data source does the same.
     */
    static String escapeRegex(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\') {
                sb.append("\\\\\\\\");
            } else if ("^$.|?*+()[]{}".indexOf(c) >= 0) {
                sb.append("\\\\").append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
