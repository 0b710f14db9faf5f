package io.vigia.datasources.simulator;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Exposes a running simulation through the Prometheus Java client: each scrape first advances the
 * simulation to the wall clock, then reports every live series as the client's snapshots, so the
 * exposition (text or OpenMetrics, content negotiation, escaping) is the client library's own.
 */
final class FleetCollector implements MultiCollector {
    private static final FleetSink NOWHERE = (labels, t, v) -> { };

    private final FleetSimulation simulation;
    private final LongSupplier clock;

    FleetCollector(FleetSimulation simulation, LongSupplier clock) {
        this.simulation = simulation;
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        Map<FleetMetrics.Family, List<Map.Entry<Labels, Double>>> byFamily = new LinkedHashMap<>();
        synchronized (simulation) {
            simulation.advanceTo(clock.getAsLong(), NOWHERE);
            simulation.forEachLive((labels, value) -> byFamily
                    .computeIfAbsent(FleetMetrics.familyOf(labels.metricName()), f -> new ArrayList<>())
                    .add(Map.entry(labels, value)));
        }
        List<MetricSnapshot> snapshots = new ArrayList<>();
        for (FleetMetrics.Family family : FleetMetrics.FAMILIES) {
            List<Map.Entry<Labels, Double>> points = byFamily.get(family);
            if (points != null) {
                snapshots.add(snapshot(family, points));
            }
        }
        return new MetricSnapshots(snapshots);
    }

    private static MetricSnapshot snapshot(FleetMetrics.Family family, List<Map.Entry<Labels, Double>> points) {
        return switch (family.type()) {
            case COUNTER -> {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(family.name()).help(family.help());
                for (Map.Entry<Labels, Double> p : points) {
                    b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                            .labels(clientLabels(p.getKey())).value(p.getValue()).build());
                }
                yield b.build();
            }
            case GAUGE -> {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(family.name()).help(family.help());
                for (Map.Entry<Labels, Double> p : points) {
                    b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                            .labels(clientLabels(p.getKey())).value(p.getValue()).build());
                }
                yield b.build();
            }
            case HISTOGRAM -> histogram(family, points);
        };
    }

    /** Regroups _bucket/_sum/_count series into one histogram point per label set. */
    private static MetricSnapshot histogram(FleetMetrics.Family family, List<Map.Entry<Labels, Double>> points) {
        record Parts(TreeMap<Double, Double> cumulative, double[] sumAndCount) {
        }
        Map<Labels, Parts> byLabels = new TreeMap<>();
        for (Map.Entry<Labels, Double> p : points) {
            Labels labels = p.getKey();
            Labels base = labels.toBuilder().remove("le").remove(Labels.METRIC_NAME).build();
            Parts parts = byLabels.computeIfAbsent(base, k -> new Parts(new TreeMap<>(), new double[2]));
            String name = labels.metricName();
            if (name.endsWith("_bucket")) {
                String le = labels.get("le");
                parts.cumulative().put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), p.getValue());
            } else if (name.endsWith("_sum")) {
                parts.sumAndCount()[0] = p.getValue();
            } else {
                parts.sumAndCount()[1] = p.getValue();
            }
        }
        HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(family.name()).help(family.help());
        if (!family.unit().isEmpty()) {
            b.unit(new Unit(family.unit()));
        }
        for (Map.Entry<Labels, Parts> e : byLabels.entrySet()) {
            TreeMap<Double, Double> cumulative = e.getValue().cumulative();
            double[] bounds = new double[cumulative.size()];
            long[] counts = new long[cumulative.size()];
            int i = 0;
            double previous = 0;
            for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
                bounds[i] = bucket.getKey();
                counts[i++] = Math.round(bucket.getValue() - previous);
                previous = bucket.getValue();
            }
            b.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                    .sum(e.getValue().sumAndCount()[0])
                    .labels(clientLabels(e.getKey())).build());
        }
        return b.build();
    }

    private static io.prometheus.metrics.model.snapshots.Labels clientLabels(Labels labels) {
        io.prometheus.metrics.model.snapshots.Labels.Builder b = io.prometheus.metrics.model.snapshots.Labels.builder();
        labels.forEach((name, value) -> {
            if (!name.equals(Labels.METRIC_NAME) && !name.equals("le")) {
                b.label(name, value);
            }
        });
        return b.build();
    }
}
