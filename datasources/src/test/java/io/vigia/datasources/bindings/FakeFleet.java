package io.vigia.datasources.bindings;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Series shaped as a convention documents them, written into an in-memory store and answered by the
 * embedded engine: counters that grow at a constant rate, histograms whose buckets split that rate
 * by fixed shares, gauges that change at given times. Two hours, one sample every 15 s.
 */
final class FakeFleet {
    static final long T0 = 1_750_000_000_000L;
    static final long STEP = 15_000L;
    static final long END = T0 + 2 * 3_600_000L;

    final InMemorySeriesReader store = new InMemorySeriesReader();
    final LocalPromqlSource source = new LocalPromqlSource("local", store);

    /** A counter rising at {@code perSecond} from T0 to END. */
    FakeFleet counter(double perSecond, String... labels) {
        return counter(perSecond, T0, END, labels);
    }

    FakeFleet counter(double perSecond, long from, long to, String... labels) {
        Labels l = Labels.of(labels);
        for (long t = from; t <= to; t += STEP) {
            store.append(l, t, perSecond * (t - from) / 1000.0);
        }
        return this;
    }

    /** A gauge holding {@code value} from {@code from} to {@code to}. */
    FakeFleet gauge(double value, long from, long to, String... labels) {
        Labels l = Labels.of(labels);
        for (long t = from; t <= to; t += STEP) {
            store.append(l, t, value);
        }
        return this;
    }

    /**
     * A classic histogram {@code base} of {@code perSecond} observations whose cumulative shares at
     * each bound are given (the last bound must reach 1): {@code _bucket}, {@code _count}, and a
     * {@code _sum} growing at {@code perSecond * mean}.
     */
    FakeFleet histogram(String base, double perSecond, Map<String, Double> cumulativeShares, double mean, String... labels) {
        for (Map.Entry<String, Double> b : cumulativeShares.entrySet()) {
            counter(perSecond * b.getValue(), with(labels, "__name__", base + "_bucket", "le", b.getKey()));
        }
        counter(perSecond, with(labels, "__name__", base + "_count"));
        counter(perSecond * mean, with(labels, "__name__", base + "_sum"));
        return this;
    }

    /** 50 % under 0.1, 90 % under 0.5, all under 1 (in the metric's unit ×{@code scale}): p95 = 0.75 × scale. */
    static Map<String, Double> shares(double scale) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(fmt(0.1 * scale), 0.5);
        m.put(fmt(0.5 * scale), 0.9);
        m.put(fmt(1.0 * scale), 1.0);
        m.put("+Inf", 1.0);
        return m;
    }

    static BoundInput probe(FakeFleet f, SemanticInput input) {
        return bindings(f).input(input);
    }

    static SourceBindings bindings(FakeFleet f) {
        return new BindingProber(ConventionCatalog.standard()).probe("local", f.source, MetricTypes.none(),
                new ProbeWindow(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(END))).bindings();
    }

    /** The single value of an instant query at END. */
    double value(String promql) {
        QueryResult r = source.query(promql, Instant.ofEpochMilli(END)).result();
        QueryResult.Vector v = (QueryResult.Vector) r;
        if (v.size() != 1) {
            throw new AssertionError(promql + " gave " + v.size() + " series, not one");
        }
        return v.values()[0];
    }

    /** Series label value → value of an instant query at END. */
    Map<String, Double> values(String promql, String label) {
        QueryResult.Vector v = (QueryResult.Vector) source.query(promql, Instant.ofEpochMilli(END)).result();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < v.size(); i++) {
            out.put(v.labels()[i].get(label), v.values()[i]);
        }
        return out;
    }

    static String[] with(String[] labels, String... more) {
        String[] out = new String[labels.length + more.length];
        System.arraycopy(labels, 0, out, 0, labels.length);
        System.arraycopy(more, 0, out, labels.length, more.length);
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
