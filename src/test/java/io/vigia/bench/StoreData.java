package io.vigia.bench;

import io.vigia.persistence.series.Labels;

import java.util.Random;

/**
 * Benchmark data shaped like a scraped fleet: counters with resets, jittery gauges and
 * histogram buckets, every 15 s with a little scrape jitter.
 */
final class StoreData {
    final Labels[] labels;
    final long[][] ts;
    final double[][] vs;

    StoreData(int series, int samplesPerSeries, long start, long seed) {
        Random r = new Random(seed);
        labels = new Labels[series];
        ts = new long[series][samplesPerSeries];
        vs = new double[series][samplesPerSeries];
        for (int s = 0; s < series; s++) {
            String kind = s % 3 == 0 ? "counter" : s % 3 == 1 ? "gauge" : "bucket";
            labels[s] = switch (kind) {
                case "counter" -> Labels.of("__name__", "http_requests_total", "service", "svc" + (s % 20),
                        "instance", "i" + s, "code", s % 2 == 0 ? "200" : "500");
                case "gauge" -> Labels.of("__name__", "process_resident_memory_bytes", "service", "svc" + (s % 20), "instance", "i" + s);
                default -> Labels.of("__name__", "http_request_duration_seconds_bucket", "service", "svc" + (s % 20),
                        "instance", "i" + s, "le", Double.toString(0.005 * (1 << (s % 10))));
            };
            double v = kind.equals("gauge") ? 2e8 : 0;
            for (int i = 0; i < samplesPerSeries; i++) {
                ts[s][i] = start + i * 15_000L + r.nextInt(5);
                v = switch (kind) {
                    case "counter" -> i % 2000 == 1999 ? 0 : v + r.nextInt(30);
                    case "gauge" -> Math.max(1e7, v + (r.nextInt(2001) - 1000) * 4096);
                    default -> v + r.nextInt(8);
                };
                vs[s][i] = v;
            }
        }
    }

    int samples() {
        return labels.length * ts[0].length;
    }
}
