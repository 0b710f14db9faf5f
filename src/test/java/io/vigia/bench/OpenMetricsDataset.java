package io.vigia.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** A data set for the storage measurement, written as an OpenMetrics backfill file (the input of both stores). */
sealed interface OpenMetricsDataset {
    String name();

    /** One line for the table: what the samples look like. */
    String description();

    long samples();

    void write(Path file) throws IOException;

    /**
     * The store benchmarks' fleet ({@link StoreData}): counters with resets, gauges and histogram
     * buckets in integer steps, 15 s apart with 0–4 ms scrape jitter, 5,760 samples (a day) each.
     */
    record Smooth(int series) implements OpenMetricsDataset {
        @Override
        public String name() {
            return "smooth";
        }

        @Override
        public String description() {
            return series + " series × 5,760 samples (one day at 15 s, 0–4 ms jitter): counters with resets, gauges, "
                    + "histogram buckets, integer steps";
        }

        @Override
        public long samples() {
            return series * 5_760L;
        }

        @Override
        public void write(Path file) throws IOException {
            StoreData data = new StoreData(series, 5_760, 1_700_000_000_000L, 3);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int s = 0; s < series; s++) {
                    String name = data.labels[s].toString().replace(", ", ",");
                    for (int i = 0; i < data.ts[s].length; i++) {
                        long t = data.ts[s][i];
                        w.write(name + " " + data.vs[s][i] + " " + (t / 1000) + "." + String.format(Locale.ROOT, "%03d", t % 1000) + "\n");
                    }
                }
                w.write("# EOF\n");
            }
        }
    }

    /**
     * Issue 18's shape: 1,000 series over one day at exactly 15 s, random-walk counters with
     * fractional steps (a seconds counter) and cumulative histogram buckets whose counts grow by
     * fractional amounts, so that every value carries a full 52-bit mantissa of noise. Written
     * series by series, as {@code promtool tsdb dump-openmetrics} or a per-series export would.
     */
    record Noisy() implements OpenMetricsDataset {
        static final int COUNTERS = 500;
        static final int HISTOGRAMS = 50;
        static final double[] LE = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
        static final int SAMPLES = 5_760;
        static final long START = 1_700_000_000_000L;

        @Override
        public String name() {
            return "noisy";
        }

        @Override
        public String description() {
            return "1,000 series × 5,760 samples (one day at exactly 15 s): 500 random-walk counters with fractional steps, "
                    + "50 histograms × 10 cumulative buckets with fractional steps (full-precision values)";
        }

        @Override
        public long samples() {
            return (COUNTERS + HISTOGRAMS * LE.length) * (long) SAMPLES;
        }

        @Override
        public void write(Path file) throws IOException {
            Random r = new Random(7);
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
                for (int s = 0; s < COUNTERS; s++) {
                    String name = "app_work_seconds_total{instance=\"host-" + s / 5 + "\",worker=\"w" + s % 5 + "\"} ";
                    double v = r.nextDouble() * 1000;
                    for (int i = 0; i < SAMPLES; i++) {
                        v += r.nextDouble() * 15;
                        w.write(name + v + " " + (START + i * 15_000L) / 1000 + "\n");
                    }
                }
                for (int h = 0; h < HISTOGRAMS; h++) {
                    double[][] cumulative = new double[LE.length][SAMPLES];
                    double[] own = new double[LE.length];
                    for (int i = 0; i < SAMPLES; i++) {
                        double sum = 0;
                        for (int b = 0; b < LE.length; b++) {
                            own[b] += r.nextDouble() * 3;
                            sum += own[b];
                            cumulative[b][i] = sum;
                        }
                    }
                    for (int b = 0; b < LE.length; b++) {
                        String name = "app_request_duration_seconds_bucket{instance=\"host-" + h + "\",le=\"" + LE[b] + "\"} ";
                        for (int i = 0; i < SAMPLES; i++) {
                            w.write(name + cumulative[b][i] + " " + (START + i * 15_000L) / 1000 + "\n");
                        }
                    }
                }
                w.write("# EOF\n");
            }
        }
    }
}
