package io.vigia.datasources.simulator;

import io.vigia.persistence.series.Labels;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Samples held per series in growable primitive arrays, for outputs that must regroup a
 * simulation (by family) before writing it.
 */
public final class SeriesBuffer {
    /** One series' samples in time order; read {@code size} entries of the arrays. */
    public static final class Samples {
        private long[] ts = new long[256];
        private double[] values = new double[256];
        private int size;

        void add(long t, double v) {
            if (size == ts.length) {
                ts = Arrays.copyOf(ts, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            ts[size] = t;
            values[size++] = v;
        }

        public int size() {
            return size;
        }

        public long timestamp(int i) {
            return ts[i];
        }

        public double value(int i) {
            return values[i];
        }
    }

    // hashed, not sorted: a sample's lookup is one hash (cached in Labels) instead of log2(series)
    // label comparisons (a third of the demo load's time when it buffered here); sorted once in forEach
    private final Map<Labels, Samples> series = new HashMap<>();
    private long total;

    public void add(Labels labels, long t, double v) {
        series.computeIfAbsent(labels, k -> new Samples()).add(t, v);
        total++;
    }

    /** Samples held, over all series. */
    public long size() {
        return total;
    }

    /** Every series in label order. */
    public void forEach(BiConsumer<Labels, Samples> action) {
        series.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> action.accept(e.getKey(), e.getValue()));
    }
}
