package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.bindings.LatencyKind;

import java.util.List;
import java.util.Set;

/**
 * How a latency metric is really exposed, read from the names present (and the declared type for
 * native histograms): the series to take labels from and, for summaries, the quantiles.
 */
record LatencyShape(LatencyKind kind, String labelSource, List<String> quantiles) {

    /** Null when none of the metric's series are present. */
    static LatencyShape of(String base, SourceInventory inv) {
        if (inv.has(base + "_bucket")) {
            return new LatencyShape(LatencyKind.CLASSIC_HISTOGRAM, base + "_bucket", List.of());
        }
        if (inv.has(base)) {
            Set<String> labels = inv.labels(base);
            if (labels.contains("quantile")) {
                return new LatencyShape(LatencyKind.SUMMARY, base, inv.values("quantile", base));
            }
            if (inv.type(base).filter("histogram"::equals).isPresent()) {
                return new LatencyShape(LatencyKind.NATIVE_HISTOGRAM, base, List.of());
            }
        }
        if (inv.has(base + "_sum") && inv.has(base + "_count")) {
            return new LatencyShape(LatencyKind.MEAN_ONLY, base + "_count", List.of());
        }
        return null;
    }

    int points() {
        return switch (kind) {
            case NATIVE_HISTOGRAM, CLASSIC_HISTOGRAM -> 40;
            case SUMMARY -> 20;
            case MEAN_ONLY -> 10;
        };
    }

    String note() {
        return switch (kind) {
            case NATIVE_HISTOGRAM, CLASSIC_HISTOGRAM -> null;
            case SUMMARY -> "summary quantiles " + quantiles + ": a quantile not among them cannot be shown, and "
                    + "quantiles of several instances cannot be combined";
            case MEAN_ONLY -> "mean latency only: the source has _sum and _count but no buckets, so no p50/p95/p99";
        };
    }
}
