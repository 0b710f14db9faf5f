package io.vigia.datasources.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.vigia.persistence.series.Labels;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** OTLP attribute lists as plain strings and as Prometheus labels. */
final class Attributes {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Attributes() {
    }

    /** Key to value as text, the last of a repeated key winning. */
    static Map<String, String> toMap(List<KeyValue> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (KeyValue kv : attributes) {
            String v = text(kv.getValue());
            if (v != null) {
                out.put(kv.getKey(), v);
            }
        }
        return out;
    }

    /**
     * An attribute value as a string: strings as they are, the other types as the OpenTelemetry
     * attribute specification (common/README.md, "Attribute") converts them for non-OTLP
     * protocols: booleans and numbers in their usual form, arrays and maps as JSON, bytes as
     * base64. Null for an empty value.
     */
    static String text(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case INT_VALUE -> Long.toString(v.getIntValue());
            case DOUBLE_VALUE -> number(v.getDoubleValue());
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
            case ARRAY_VALUE, KVLIST_VALUE -> JSON.writeValueAsString(plain(v));
            default -> null; // not set, or a value kind newer than this receiver
        };
    }

    private static Object plain(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> v.getBoolValue();
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
            case ARRAY_VALUE -> {
                List<Object> list = new ArrayList<>();
                v.getArrayValue().getValuesList().forEach(e -> list.add(plain(e)));
                yield list;
            }
            case KVLIST_VALUE -> {
                Map<String, Object> map = new LinkedHashMap<>();
                v.getKvlistValue().getValuesList().forEach(kv -> map.put(kv.getKey(), plain(kv.getValue())));
                yield map;
            }
            default -> null; // not set, or a value kind newer than this receiver
        };
    }

    /**
     * A double as Prometheus's OTLP translator writes {@code le} and {@code quantile} values (Go's
     * {@code strconv.FormatFloat(f, 'f', -1, 64)}): the shortest decimal that reads back as the
     * same double, without exponent, {@code 5} rather than {@code 5.0}.
     */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * Adds the attributes as labels: names sanitized ({@link PrometheusNaming#labelName}); when two
     * keys sanitize to the same name, "the values MUST be concatenated together, separated by
     * {@code ;}, and ordered by the lexicographical order of the original keys" (compatibility
     * spec, "Metric Attributes"). Empty values are left out, as Prometheus treats an empty label as
     * absent.
     */
    static void addLabels(Labels.Builder b, Map<String, String> attributes) {
        Map<String, TreeMap<String, String>> byLabel = new LinkedHashMap<>();
        attributes.forEach((key, value) -> {
            String label = PrometheusNaming.labelName(key);
            if (label != null && !value.isEmpty()) {
                byLabel.computeIfAbsent(label, k -> new TreeMap<>()).put(key, value);
            }
        });
        byLabel.forEach((label, values) -> b.set(label, String.join(";", values.values())));
    }
}
