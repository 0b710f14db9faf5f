package io.vigia.datasources.otlp;

import io.vigia.persistence.series.Labels;

/**
 * A classic Prometheus histogram the receiver keeps itself: {@code _bucket{le}} (cumulative over
 * {@code le}), {@code _sum} and {@code _count}, each an {@link OwnedCounters} series.
 */
final class OwnedHistogram {
    private final String name;
    private final double[] bounds;
    private final String[] les;

    OwnedHistogram(String name, double[] bounds) {
        this.name = name;
        this.bounds = bounds.clone();
        this.les = new String[bounds.length + 1];
        for (int i = 0; i < bounds.length; i++) {
            les[i] = Attributes.number(bounds[i]);
        }
        les[bounds.length] = "+Inf";
    }

    /** Observes one value for the series {@code labels} (without a metric name). */
    void observe(OwnedCounters counters, Labels.Builder labels, long t, double value) {
        for (int i = 0; i < les.length; i++) {
            boolean inside = i == bounds.length || value <= bounds[i];
            counters.add(labels.set(Labels.METRIC_NAME, name + "_bucket").set("le", les[i]).build(), t, inside ? 1 : 0);
        }
        labels.remove("le");
        counters.add(labels.set(Labels.METRIC_NAME, name + "_sum").build(), t, value);
        counters.add(labels.set(Labels.METRIC_NAME, name + "_count").build(), t, 1);
    }
}
