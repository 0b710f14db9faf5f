package io.vigia.datasources.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.vigia.datasources.otlp.PrometheusNaming.Kind;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.StaleMarker;

import java.util.List;
import java.util.Map;

/**
 * OTLP metrics into the series store under Prometheus names, as the compatibility spec's "OTLP
 * Metric points to Prometheus" says: gauges as gauges; cumulative monotonic sums as counters
 * ({@code _total}); delta monotonic sums and delta histograms "converted to a cumulative
 * temporality" (added onto the series' running total, which goes on from what is stored); other
 * delta sums dropped; histograms as {@code _bucket{le}}/{@code _sum}/{@code _count}; summaries as
 * {@code {quantile}}/{@code _sum}/{@code _count}; scope name and version as {@code otel_scope_name}
 * and {@code otel_scope_version}; the resource as {@code job}/{@code instance} and {@code target_info}.
 * A counter point whose {@code start_time_unix_nano} is newer than anything stored for its series
 * gets a 0 at that start time first (Prometheus's created-timestamp zero), so the first count of a
 * new process is not lost to {@code increase()}. Exponential histograms would be native histograms,
 * which the store does not hold: they are rejected. A point flagged "no recorded value" becomes a
 * staleness marker.
 */
final class MetricsTranslator {
    private static final int FLAG_NO_RECORDED_VALUE = 1;

    private final SeriesAppender appender;
    private final OwnedCounters counters;

    MetricsTranslator(SeriesAppender appender, OwnedCounters counters) {
        this.appender = appender;
        this.counters = counters;
    }

    /** Translates and appends; returns the data points rejected, with why. */
    Rejections translate(ExportMetricsServiceRequest request, long receivedAt) {
        Rejections rejected = new Rejections();
        for (ResourceMetrics rm : request.getResourceMetricsList()) {
            ResourceTarget target = ResourceTarget.of(rm.getResource());
            long newest = Long.MIN_VALUE;
            for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                for (Metric m : sm.getMetricsList()) {
                    newest = Math.max(newest, metric(target, sm.getScope(), m, receivedAt, rejected));
                }
            }
            Labels info = target.targetInfo();
            if (info != null) {
                appender.append(info, newest == Long.MIN_VALUE ? receivedAt : newest, 1);
            }
        }
        rejected.add(appender.takeSkipped(), "data points at or before the newest stored sample of their series were skipped");
        return rejected;
    }

    /** Returns the newest point time of the metric. */
    private long metric(ResourceTarget target, InstrumentationScope scope, Metric m, long receivedAt, Rejections rejected) {
        long newest = Long.MIN_VALUE;
        switch (m.getDataCase()) {
            case GAUGE -> {
                String name = name(m, Kind.GAUGE, rejected, m.getGauge().getDataPointsCount());
                for (NumberDataPoint p : name == null ? List.<NumberDataPoint>of() : m.getGauge().getDataPointsList()) {
                    long t = time(p.getTimeUnixNano(), receivedAt);
                    appender.append(base(target, scope, p.getAttributesList(), name), t, noValue(p.getFlags()) ? StaleMarker.VALUE : value(p));
                    newest = Math.max(newest, t);
                }
            }
            case SUM -> newest = sum(target, scope, m, receivedAt, rejected);
            case HISTOGRAM -> {
                boolean delta = m.getHistogram().getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
                String name = name(m, Kind.HISTOGRAM, rejected, m.getHistogram().getDataPointsCount());
                for (HistogramDataPoint p : name == null ? List.<HistogramDataPoint>of() : m.getHistogram().getDataPointsList()) {
                    long t = time(p.getTimeUnixNano(), receivedAt);
                    histogram(target, scope, m.getName(), name, p, t, delta);
                    newest = Math.max(newest, t);
                }
            }
            case SUMMARY -> {
                String name = name(m, Kind.SUMMARY, rejected, m.getSummary().getDataPointsCount());
                for (SummaryDataPoint p : name == null ? List.<SummaryDataPoint>of() : m.getSummary().getDataPointsList()) {
                    long t = time(p.getTimeUnixNano(), receivedAt);
                    summary(target, scope, name, p, t);
                    newest = Math.max(newest, t);
                }
            }
            case EXPONENTIAL_HISTOGRAM -> rejected.add(m.getExponentialHistogram().getDataPointsCount(),
                    "exponential histograms (" + m.getName() + ") become Prometheus native histograms, which the workspace store does not "
                    + "hold; export explicit-bucket histograms (OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION=explicit_bucket_histogram)");
            case DATA_NOT_SET -> {
                // a metric without data: nothing to store
            }
        }
        return newest;
    }

    private long sum(ResourceTarget target, InstrumentationScope scope, Metric m, long receivedAt, Rejections rejected) {
        boolean delta = m.getSum().getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
        boolean monotonic = m.getSum().getIsMonotonic();
        if (delta && !monotonic) {
            // "Otherwise, it MUST be dropped"
            rejected.add(m.getSum().getDataPointsCount(), "non-monotonic delta sums (" + m.getName() + ") have no Prometheus form and were dropped");
            return Long.MIN_VALUE;
        }
        String name = name(m, monotonic ? Kind.COUNTER : Kind.GAUGE, rejected, m.getSum().getDataPointsCount());
        long newest = Long.MIN_VALUE;
        for (NumberDataPoint p : name == null ? List.<NumberDataPoint>of() : m.getSum().getDataPointsList()) {
            long t = time(p.getTimeUnixNano(), receivedAt);
            newest = Math.max(newest, t);
            Labels labels = base(target, scope, p.getAttributesList(), name);
            if (noValue(p.getFlags())) {
                appender.append(labels, t, StaleMarker.VALUE);
            } else if (!monotonic) {
                appender.append(labels, t, value(p));
            } else {
                double increase = counter(labels, p.getStartTimeUnixNano(), t, value(p), delta);
                derive(target, m.getName(), p.getAttributesList(), t, increase);
            }
        }
        return newest;
    }

    private void histogram(ResourceTarget target, InstrumentationScope scope, String otelName, String name, HistogramDataPoint p,
                           long t, boolean delta) {
        Labels base = base(target, scope, p.getAttributesList(), name);
        if (noValue(p.getFlags())) {
            for (String suffix : new String[] {"_sum", "_count"}) {
                appender.append(renamed(base, name + suffix), t, StaleMarker.VALUE);
            }
            return;
        }
        long start = p.getStartTimeUnixNano();
        double cumulative = 0;
        for (int i = 0; i < p.getBucketCountsCount(); i++) {
            cumulative += p.getBucketCounts(i);
            String le = i < p.getExplicitBoundsCount() ? Attributes.number(p.getExplicitBounds(i)) : "+Inf";
            counter(base.toBuilder().set(Labels.METRIC_NAME, name + "_bucket").set("le", le).build(), start, t, cumulative, delta);
        }
        if (p.getBucketCountsCount() == 0) {
            counter(base.toBuilder().set(Labels.METRIC_NAME, name + "_bucket").set("le", "+Inf").build(), start, t, p.getCount(), delta);
        }
        counter(renamed(base, name + "_count"), start, t, p.getCount(), delta);
        if (p.hasSum()) {
            double increase = counter(renamed(base, name + "_sum"), start, t, p.getSum(), delta);
            derive(target, otelName, p.getAttributesList(), t, increase);
        }
    }

    private void summary(ResourceTarget target, InstrumentationScope scope, String name, SummaryDataPoint p, long t) {
        Labels base = base(target, scope, p.getAttributesList(), name);
        boolean none = noValue(p.getFlags());
        for (SummaryDataPoint.ValueAtQuantile q : p.getQuantileValuesList()) {
            appender.append(base.toBuilder().set("quantile", Attributes.number(q.getQuantile())).build(), t,
                    none ? StaleMarker.VALUE : q.getValue());
        }
        long start = p.getStartTimeUnixNano();
        if (none) {
            appender.append(renamed(base, name + "_sum"), t, StaleMarker.VALUE);
            appender.append(renamed(base, name + "_count"), t, StaleMarker.VALUE);
        } else {
            counter(renamed(base, name + "_sum"), start, t, p.getSum(), false);
            counter(renamed(base, name + "_count"), start, t, p.getCount(), false);
        }
    }

    /**
     * Writes one counter sample: a cumulative value as it is, a delta added onto the running
     * total. Returns how much the counter went up with this point (0 when it was skipped), the
     * way {@code increase()} would read it: a drop is a reset, a new start time a new stream.
     */
    private double counter(Labels labels, long startNanos, long t, double value, boolean delta) {
        SeriesAppender.Last last = appender.last(labels, t);
        long start = startNanos == 0 ? Long.MIN_VALUE : startNanos / 1_000_000;
        boolean startsBefore = start != Long.MIN_VALUE && start < t;
        double stored = last.exists() && !Double.isNaN(last.v()) ? last.v() : 0;
        if (delta) {
            // deltas go onto the running total whatever their start: a new exporter process is no reset
            if (!last.exists() && startsBefore) {
                appender.append(labels, start, 0);
            }
            return appender.append(labels, t, stored + value) ? value : 0;
        }
        boolean newStream = startsBefore && start > last.t();
        if (newStream) {
            appender.append(labels, start, 0);
        }
        double previous = newStream ? 0 : stored;
        if (!appender.append(labels, t, value)) {
            return 0;
        }
        return value >= previous ? value - previous : value;
    }

    private void derive(ResourceTarget target, String otelName, List<KeyValue> attributes, long t, double increase) {
        if (increase <= 0) {
            return;
        }
        Map<String, String> attrs = Attributes.toMap(attributes);
        Labels.Builder b = AssistantSeries.forMetric(otelName, attrs);
        if (b != null) {
            counters.add(b.set("assistant", assistant(target)).build(), t, increase);
        }
    }

    static String assistant(ResourceTarget target) {
        String service = target.attributes().get(ResourceTarget.SERVICE_NAME);
        return service == null || service.isEmpty() ? "unknown" : service;
    }

    private String name(Metric m, Kind kind, Rejections rejected, int points) {
        String name = PrometheusNaming.metricName(m.getName(), m.getUnit(), kind);
        if (name == null) {
            rejected.add(points, "a metric name with no valid character (\"" + abbreviate(m.getName()) + "\") was dropped");
        }
        return name;
    }

    private static Labels base(ResourceTarget target, InstrumentationScope scope, List<KeyValue> attributes, String name) {
        Labels.Builder b = Labels.builder().set(Labels.METRIC_NAME, name);
        Attributes.addLabels(b, Attributes.toMap(attributes));
        b.set("otel_scope_name", scope.getName()).set("otel_scope_version", scope.getVersion());
        target.setTarget(b);
        return b.build();
    }

    private static Labels renamed(Labels labels, String name) {
        return labels.toBuilder().set(Labels.METRIC_NAME, name).build();
    }

    private static double value(NumberDataPoint p) {
        return p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble();
    }

    private static boolean noValue(int flags) {
        return (flags & FLAG_NO_RECORDED_VALUE) != 0;
    }

    static long time(long nanos, long fallbackMillis) {
        return nanos == 0 ? fallbackMillis : nanos / 1_000_000;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
