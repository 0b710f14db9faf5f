package io.vigia.bench;

import io.vigia.datasources.prometheus.PrometheusDecoder;
import io.vigia.datasources.api.ApiJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@link QueryRangeDecodeBenchmark}'s decoder-to-token-loop ratio measured in thread CPU time
 * rather than wall time, for a machine shared with other work: the two arms alternate in one
 * thread, round after round, so both see the same load, and CPU time leaves out the time the
 * thread waited for a core. The ratio is the token loop's time over the decoder's (the JMH
 * table's "speed vs baseline"); the median of the per-round ratios is given, and the ratio of the
 * fastest rounds.
 */
final class DecodeCpuTimeMeasurement implements Measurement {
    private static final int WARMUP = 15;
    private static final int ROUNDS = 60;

    @Override
    public String area() {
        return "QueryRangeDecode in CPU time";
    }

    @Override
    public String run() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Load average (1 min) %.1f at the start. Same response as QueryRangeDecodeBenchmark (1,000 series × "
                        + "1,000 points); %d rounds after %d of warm-up, each decoding once and running the token loop once. "
                        + "Goal (issue 18): decoder ≥ 0.6× the token loop on random values.%n%n", load, ROUNDS, WARMUP))
                .append("| values | decoder, fastest round | token loop, fastest round | ratio of fastest | median ratio |\n")
                .append("|---|---:|---:|---:|---:|\n");
        long sink = 0;
        for (String values : List.of("random", "counter")) {
            byte[] body = QueryRangeDecodeBenchmark.matrixJson(1000, 1000, 42, values.equals("counter"))
                    .getBytes(StandardCharsets.UTF_8);
            long bestDecoder = Long.MAX_VALUE;
            long bestTokens = Long.MAX_VALUE;
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < WARMUP + ROUNDS; round++) {
                long t0 = mx.getCurrentThreadCpuTime();
                sink += PrometheusDecoder.query(body).warnings().size();
                long t1 = mx.getCurrentThreadCpuTime();
                sink += tokenLoop(body);
                long t2 = mx.getCurrentThreadCpuTime();
                if (round >= WARMUP) {
                    bestDecoder = Math.min(bestDecoder, t1 - t0);
                    bestTokens = Math.min(bestTokens, t2 - t1);
                    ratios.add((t2 - t1) / (double) (t1 - t0));
                }
            }
            Collections.sort(ratios);
            sb.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.2f× | %.2f× |%n", values, bestDecoder / 1e6,
                    bestTokens / 1e6, bestTokens / (double) bestDecoder, ratios.get(ratios.size() / 2)));
        }
        if (sink == 42) {
            sb.append(' '); // keeps the work observable to the JIT
        }
        return sb.toString();
    }

    private static long tokenLoop(byte[] body) {
        long tokens = 0;
        try (JsonParser p = ApiJson.parser(body)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                tokens += t.id();
            }
        }
        return tokens;
    }
}
