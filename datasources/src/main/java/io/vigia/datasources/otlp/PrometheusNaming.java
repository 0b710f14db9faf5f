package io.vigia.datasources.otlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OTLP metric and attribute names as Prometheus names, by OpenTelemetry's "Prometheus and
 * OpenMetrics Compatibility" specification, section "OTLP Metric points to Prometheus"
 * (open-telemetry/opentelemetry-specification, specification/compatibility/prometheus_and_openmetrics.md):
 * invalid characters become {@code _} and runs of {@code _} collapse to one; the unit, converted
 * to a Prometheus word, is a suffix unless the name already has it; monotonic sums end in
 * {@code _total}; gauges with unit {@code 1} end in {@code _ratio}; a name starting with a digit
 * gets a leading {@code _}; a label starting with a digit gets {@code key_}.
 *
 * <p>The unit words are those of the reference translator that Prometheus and the Collector share
 * (prometheus/otlptranslator {@code unit_namer.go} and {@code metric_namer.go}: {@code unitMap},
 * {@code perUnitMap}), so a name Vigia stores is the name Prometheus's own OTLP receiver stores
 * with its default {@code UnderscoreEscapingWithSuffixes} strategy: {@code claude_code.cost.usage}
 * in {@code USD} is {@code claude_code_cost_usage_USD_total}.
 */
public final class PrometheusNaming {

    /** What decides the type suffixes. */
    public enum Kind { COUNTER, GAUGE, HISTOGRAM, SUMMARY }

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("d", "days"), Map.entry("h", "hours"), Map.entry("min", "minutes"), Map.entry("s", "seconds"),
            Map.entry("ms", "milliseconds"), Map.entry("us", "microseconds"), Map.entry("ns", "nanoseconds"),
            Map.entry("By", "bytes"), Map.entry("KiBy", "kibibytes"), Map.entry("MiBy", "mebibytes"),
            Map.entry("GiBy", "gibibytes"), Map.entry("TiBy", "tibibytes"), Map.entry("KBy", "kilobytes"),
            Map.entry("MBy", "megabytes"), Map.entry("GBy", "gigabytes"), Map.entry("TBy", "terabytes"),
            Map.entry("m", "meters"), Map.entry("V", "volts"), Map.entry("A", "amperes"), Map.entry("J", "joules"),
            Map.entry("W", "watts"), Map.entry("g", "grams"), Map.entry("Cel", "celsius"), Map.entry("Hz", "hertz"),
            Map.entry("1", ""), Map.entry("%", "percent"));

    private static final Map<String, String> PER_UNITS = Map.of(
            "s", "second", "m", "minute", "h", "hour", "d", "day", "w", "week", "mo", "month", "y", "year");

    private PrometheusNaming() {
    }

    /** The Prometheus metric name of an OTLP metric, or null when nothing valid is left of it. */
    public static String metricName(String name, String unit, Kind kind) {
        List<String> tokens = tokens(name);
        String[] units = unitSuffixes(unit == null ? "" : unit);
        String main = cleanUnit(units[0]);
        String per = cleanUnit(units[1]);
        if (tokens.contains(main)) {
            main = "";
        }
        if (per.equals("per_")) {
            per = "";
        } else {
            per = trimTrailing(per);
            if (tokens.contains(per)) {
                per = "";
            }
        }
        if (!per.isEmpty()) {
            main = trimTrailing(main);
        }
        if (!main.isEmpty()) {
            tokens.add(main);
        }
        if (!per.isEmpty()) {
            tokens.add(per);
        }
        if (kind == Kind.COUNTER) {
            tokens.removeIf("total"::equals);
            tokens.add("total");
        }
        if ("1".equals(unit) && kind == Kind.GAUGE) {
            tokens.removeIf("ratio"::equals);
            tokens.add("ratio");
        }
        String joined = String.join("_", tokens);
        if (joined.isEmpty() || joined.chars().allMatch(c -> c == '_')) {
            return null;
        }
        return Character.isDigit(joined.charAt(0)) ? "_" + joined : joined;
    }

    /** The Prometheus label name of an OTLP attribute key, or null when nothing valid is left of it. */
    public static String labelName(String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            char out = valid ? c : '_';
            if (out == '_' && !b.isEmpty() && b.charAt(b.length() - 1) == '_' && !key.startsWith("__")) {
                continue; // "Multiple consecutive _ characters MUST be replaced with a single _"
            }
            b.append(out);
        }
        String name = b.toString();
        if (name.chars().allMatch(c -> c == '_')) {
            return null;
        }
        return Character.isDigit(name.charAt(0)) ? "key_" + name : name;
    }

    /** Splits on every character that is not valid in a metric name; runs of separators vanish. */
    private static List<String> tokens(String name) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':') {
                current.append(c);
            } else if (!current.isEmpty()) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** {main, "per_" + per}; a part in curly braces ({@code {token}}) is an annotation and dropped. */
    private static String[] unitSuffixes(String unit) {
        String[] parts = unit.split("/", 2);
        String main = "";
        String per = "";
        String mainOtel = parts[0].trim();
        if (!mainOtel.isEmpty() && mainOtel.indexOf('{') < 0 && mainOtel.indexOf('}') < 0) {
            main = UNITS.getOrDefault(mainOtel, mainOtel);
        }
        if (parts.length > 1 && !parts[1].isEmpty()) {
            String perOtel = parts[1].trim();
            if (!perOtel.isEmpty() && perOtel.indexOf('{') < 0 && perOtel.indexOf('}') < 0) {
                per = "per_" + PER_UNITS.getOrDefault(perOtel, perOtel);
            }
        }
        return new String[] {main, per};
    }

    /** Invalid characters to {@code _}, runs collapsed, no leading {@code _}. */
    private static String cleanUnit(String unit) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':';
            char out = valid ? c : '_';
            if (out == '_' && !b.isEmpty() && b.charAt(b.length() - 1) == '_') {
                continue;
            }
            b.append(out);
        }
        String s = b.toString();
        return s.startsWith("_") ? s.substring(1) : s;
    }

    private static String trimTrailing(String s) {
        return s.endsWith("_") ? s.substring(0, s.length() - 1) : s;
    }
}
