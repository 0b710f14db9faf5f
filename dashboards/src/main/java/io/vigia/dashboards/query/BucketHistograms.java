package io.vigia.dashboards.query;

import io.vigia.dashboards.analytics.Histogram;
import io.vigia.persistence.series.Labels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Prometheus classic-histogram buckets (cumulative counts by {@code le}) grouped by one label into
 * a {@link Histogram} per value of that label: the input of drift scores, shared by the drift
 * panels and the weekly report.
 */
public final class BucketHistograms {
    private final Map<String, TreeMap<Double, Double>> byGroup = new TreeMap<>();
    private final String groupLabel;

    public BucketHistograms(String groupLabel) {
        this.groupLabel = groupLabel;
    }

    /** Adds one bucket sample; a missing or malformed {@code le} or a NaN count is left out. */
    public void add(Labels labels, double cumulativeCount) {
        double bound = bound(labels.get("le"));
        if (Double.isNaN(bound) || Double.isNaN(cumulativeCount)) {
            return;
        }
        String group = labels.get(groupLabel);
        byGroup.computeIfAbsent(group == null || group.isEmpty() ? "-" : group, k -> new TreeMap<>())
                .put(bound, cumulativeCount);
    }

    /** One histogram per group, in the groups' order. */
    public Map<String, Histogram> histograms() {
        Map<String, Histogram> out = new LinkedHashMap<>();
        byGroup.forEach((group, buckets) -> out.put(group, histogram(buckets)));
        return out;
    }

    /** The histogram of cumulative counts by upper bound. */
    static Histogram histogram(SortedMap<Double, Double> cumulativeByBound) {
        double[] bounds = new double[cumulativeByBound.size()];
        double[] cumulative = new double[bounds.length];
        double running = 0;
        int i = 0;
        for (Map.Entry<Double, Double> e : cumulativeByBound.entrySet()) {
            // increase() extrapolates each bucket on its own, so neighbours may differ by a hair
            running = Math.max(running, e.getValue());
            bounds[i] = e.getKey();
            cumulative[i++] = running;
        }
        return Histogram.fromCumulative(bounds, cumulative);
    }

    /** A bucket's upper bound; NaN for a missing or malformed {@code le}. */
    static double bound(String le) {
        if (le == null || le.isEmpty()) {
            return Double.NaN;
        }
        try {
            return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
