package io.vigia.datasources.ingest;

import java.util.List;
import java.util.Locale;

/** A metric family's type, as the exposition formats name them. */
public enum MetricType {
    COUNTER(List.of("_total", "_created")),
    GAUGE(List.of("")),
    HISTOGRAM(List.of("_bucket", "_count", "_sum", "_created")),
    GAUGEHISTOGRAM(List.of("_bucket", "_gcount", "_gsum")),
    STATESET(List.of("")),
    INFO(List.of("_info")),
    SUMMARY(List.of("", "_count", "_sum", "_created")),
    UNKNOWN(List.of(""));

    private final List<String> openMetricsSuffixes;

    MetricType(List<String> openMetricsSuffixes) {
        this.openMetricsSuffixes = openMetricsSuffixes;
    }

    /** The suffixes an OpenMetrics family of this type appends to its name for its samples. */
    public List<String> openMetricsSuffixes() {
        return openMetricsSuffixes;
    }

    /** OpenMetrics 1.0 type names; {@code null} for anything else (e.g. "untyped"). */
    static MetricType fromOpenMetrics(String s) {
        for (MetricType t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(s)) {
                return t;
            }
        }
        return null;
    }

    /** Text format 0.0.4 type names; {@code null} for anything else. */
    static MetricType fromPrometheusText(String s) {
        return switch (s) {
            case "counter" -> COUNTER;
            case "gauge" -> GAUGE;
            case "histogram" -> HISTOGRAM;
            case "summary" -> SUMMARY;
            case "untyped" -> UNKNOWN;
            default -> null;
        };
    }
}
