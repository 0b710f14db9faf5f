package io.vigia.bench;

import org.apache.commons.statistics.distribution.NormalDistribution;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes {@link FleetData} as an OpenMetrics backfill file (every sample with its timestamp,
 * ending in {@code # EOF}), the input of both {@code promtool tsdb create-blocks-from openmetrics}
 * and {@code vigia import openmetrics}. The data is noisy as a scraped fleet is: counters whose
 * rate drifts as a random walk and that reset when a process restarts, classic histograms whose
 * latency median drifts, gauges that wander; every target has its own scrape phase and each scrape
 * a few milliseconds of jitter.
 *
 * <p>Metric names are the ones the instrumentation libraries give: {@code http_requests_total}
 * and {@code http_request_duration_seconds} (the Prometheus client libraries' documentation
 * examples), {@code process_resident_memory_bytes} (client_golang's process collector),
 * {@code node_load1} (node_exporter). The families carry no {@code # TYPE}, as in the existing
 * backfill benchmarks: both readers then take every line as a sample of an unknown type.
 */
final class FleetDataWriter {
    /** The finite bucket bounds: client_golang's DefBuckets from 5 ms to 2.5 s; the tenth bucket is +Inf. */
    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
    /** About one restart per series and week at 15 s. */
    private static final int RESTART_ODDS = 40_000;

    private final FleetData data;
    private final SplittableRandom random;
    private final StringBuilder line = new StringBuilder(128);

    private FleetDataWriter(FleetData data) {
        this.data = data;
        this.random = new SplittableRandom(data.seed());
    }

    static void write(FleetData data, Path file) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            new FleetDataWriter(data).writeAll(w);
        }
    }

    private void writeAll(Writer w) throws IOException {
        for (int c = 0; c < data.counters(); c++) {
            String code = (c / FleetData.SERVICES) % 2 == 0 ? "200" : "500";
            String labels = "http_requests_total{job=\"api\",instance=\"" + instance(c / (2 * FleetData.SERVICES))
                    + "\",service=\"svc" + (c % FleetData.SERVICES) + "\",code=\"" + code + "\"}";
            double perSecond = code.equals("200") ? 2 + 48 * random.nextDouble() : 0.05 + random.nextDouble();
            long[] ts = timestamps(target(c / (2 * FleetData.SERVICES), c % FleetData.SERVICES));
            writeSeries(w, labels, ts, counter(perSecond), null);
        }
        for (int h = 0; h < data.histograms(); h++) {
            writeHistogram(w, h);
        }
        for (int g = 0; g < data.gauges(); g++) {
            int node = g / 2;
            String where = "{job=\"node\",instance=\"" + instance(1_000 + node) + "\",service=\"svc" + (node % FleetData.SERVICES) + "\"}";
            long[] ts = timestamps(100_000 + node);
            if (g % 2 == 0) {
                writeSeries(w, "process_resident_memory_bytes" + where, ts, memory(1e8 + 7e8 * random.nextDouble()), null);
            } else {
                writeSeries(w, "node_load1" + where, ts, null, load());
            }
        }
        w.write("# EOF\n");
    }

    private void writeHistogram(Writer w, int h) throws IOException {
        int n = data.samplesPerSeries();
        long[] ts = timestamps(target(h / FleetData.SERVICES, h % FleetData.SERVICES));
        long[][] cumulative = new long[FleetData.BUCKETS_PER_HISTOGRAM][n];
        long[] requests = counter(5 + 20 * random.nextDouble());
        double baseMedian = Math.log(0.03 + 0.2 * random.nextDouble());
        double mu = baseMedian;
        long[] sum = new long[FleetData.BUCKETS_PER_HISTOGRAM];
        for (int i = 0; i < n; i++) {
            long observed = i == 0 ? requests[0] : requests[i] - requests[i - 1];
            if (observed < 0) {
                // the counter restarted: every bucket of the process restarts with it
                java.util.Arrays.fill(sum, 0);
                observed = requests[i];
            }
            mu += 0.03 * (baseMedian - mu) + 0.05 * random.nextGaussian();
            for (int b = 0; b < BOUNDS.length; b++) {
                // rounding is monotone, so the buckets stay cumulative in le
                sum[b] += Math.round(observed * NORMAL.cumulativeProbability((Math.log(BOUNDS[b]) - mu) / 0.6));
                cumulative[b][i] = sum[b];
            }
            sum[BOUNDS.length] += observed;
            cumulative[BOUNDS.length][i] = sum[BOUNDS.length];
        }
        for (int b = 0; b < FleetData.BUCKETS_PER_HISTOGRAM; b++) {
            String le = b < BOUNDS.length ? Double.toString(BOUNDS[b]) : "+Inf";
            String labels = "http_request_duration_seconds_bucket{job=\"api\",instance=\"" + instance(h / FleetData.SERVICES)
                    + "\",service=\"svc" + (h % FleetData.SERVICES) + "\",le=\"" + le + "\"}";
            writeSeries(w, labels, ts, cumulative[b], null);
        }
    }

    /** A counter of requests at a rate that drifts, restarting at zero now and then. */
    private long[] counter(double perSecond) {
        long[] v = new long[data.samplesPerSeries()];
        double rate = perSecond;
        long total = 0;
        for (int i = 0; i < v.length; i++) {
            rate = Math.clamp(rate * Math.exp(0.03 * random.nextGaussian()), perSecond / 10, perSecond * 10);
            double mean = rate * FleetData.INTERVAL_MS / 1000.0;
            long add = Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
            total = random.nextInt(RESTART_ODDS) == 0 ? add : total + add;
            v[i] = total;
        }
        return v;
    }

    /** Resident memory wandering around its own level, dropping on a restart. */
    private long[] memory(double level) {
        long[] v = new long[data.samplesPerSeries()];
        double x = level;
        for (int i = 0; i < v.length; i++) {
            x += 0.01 * (level - x) + level * 0.003 * random.nextGaussian();
            if (random.nextInt(RESTART_ODDS) == 0) {
                x = level * 0.3;
            }
            v[i] = Math.max(10_000_000L, Math.round(x / 4096) * 4096);
        }
        return v;
    }

    /** A load average with two decimals, as node_exporter's. */
    private double[] load() {
        double[] v = new double[data.samplesPerSeries()];
        double level = 0.2 + 3 * random.nextDouble();
        double x = level;
        for (int i = 0; i < v.length; i++) {
            x = Math.max(0, x + 0.05 * (level - x) + 0.08 * random.nextGaussian());
            v[i] = Math.round(x * 100) / 100.0;
        }
        return v;
    }

    /**
     * Scrape times of one target: its own phase within the interval, plus 0-4 ms of jitter per
     * scrape. Every sample lies 137 to 841 ms past a whole second, so none falls on the start of a
     * range whose end is a step (whole seconds): there Prometheus 2.x's ranges include their left
     * end and 3.x's (Vigia's) do not (docs/promql-compatibility.md), a difference of version, not of
     * speed.
     */
    private long[] timestamps(int target) {
        long phase = (target * 7L) % 15 * 1000 + 137 + (target * 31L) % 700;
        long[] ts = new long[data.samplesPerSeries()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = FleetData.START_MS + phase + i * FleetData.INTERVAL_MS + random.nextInt(5);
        }
        return ts;
    }

    /** The scrape target of an API process: its counters and histograms share its scrape phase. */
    private static int target(int instance, int service) {
        return instance * FleetData.SERVICES + service;
    }

    private static String instance(int host) {
        return "host-" + host + ":9100";
    }

    private void writeSeries(Writer w, String labels, long[] ts, long[] longs, double[] doubles) throws IOException {
        for (int i = 0; i < ts.length; i++) {
            line.setLength(0);
            line.append(labels).append(' ');
            if (longs != null) {
                line.append(longs[i]);
            } else {
                line.append(doubles[i]);
            }
            long t = ts[i];
            long ms = t % 1000;
            line.append(' ').append(t / 1000).append('.').append(ms < 100 ? (ms < 10 ? "00" : "0") : "").append(ms).append('\n');
            w.append(line);
        }
    }
}
