package io.vigia.bench;

import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.prometheus.PrometheusDecoder;
import io.vigia.datasources.api.ApiJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5's decode goals on one {@code query_range} matrix response held in memory
 * ({@code series} × {@code points} samples, Prometheus's own formatting: timestamps in seconds
 * with a millisecond fraction, values as strings). {@code values} picks the data class:
 * {@code random} = random 0–1 increments (17 significant digits, the hardest case for number
 * parsing), {@code counter} = integer counters (what most scraped series look like):
 * <ul>
 *   <li>{@link #vigiaDecoder}: Vigia's streaming decoder into primitive arrays;</li>
 *   <li>{@link #baselineReadTree}: Jackson's tree model ({@code readTree}); goal: Vigia ≥ 2.5× faster;</li>
 *   <li>{@link #baselineNextTokenLoop}: a bare {@code nextToken()} loop over the same bytes, no
 *       value materialisation; goal: Vigia ≥ 60% of its throughput.</li>
 * </ul>
 * Bytes per op are the same in every arm, so MB/s and samples/s follow from ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class QueryRangeDecodeBenchmark {

    @Param("1000")
    public int series;

    @Param("1000")
    public int points;

    @Param({"random", "counter"})
    public String values;

    private byte[] body;
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Setup(Level.Trial)
    public void generate() {
        body = matrixJson(series, points, 42, values.equals("counter")).getBytes(StandardCharsets.UTF_8);
    }

    /** A Prometheus-formatted matrix response; deterministic for a given seed. */
    public static String matrixJson(int series, int points, long seed, boolean integerCounters) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(series * points * 32 + 1024);
        sb.append("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        long start = 1_700_000_000_000L;
        for (int s = 0; s < series; s++) {
            if (s > 0) {
                sb.append(',');
            }
            sb.append("{\"metric\":{\"__name__\":\"http_requests_total\",\"instance\":\"host-").append(s % 50)
                    .append(":9100\",\"job\":\"node\",\"path\":\"/api/v").append(s).append("\"},\"values\":[");
            double v = rnd.nextDouble() * 1000;
            for (int p = 0; p < points; p++) {
                if (p > 0) {
                    sb.append(',');
                }
                long ms = start + p * 15_000L + 123;
                sb.append('[').append(ms / 1000).append('.').append(String.format("%03d", ms % 1000)).append(",\"");
                if (integerCounters) {
                    v = Math.floor(v) + rnd.nextInt(100);
                    sb.append((long) v);
                } else {
                    v += rnd.nextDouble();
                    sb.append(v);
                }
                sb.append("\"]");
            }
            sb.append("]}");
        }
        return sb.append("]}}").toString();
    }

    public int sizeBytes() {
        return body.length;
    }

    @Benchmark
    public QueryResponse vigiaDecoder() {
        QueryResponse r = PrometheusDecoder.query(body);
        if (((QueryResult.Matrix) r.result()).series().size() != series) {
            throw new IllegalStateException("wrong series count");
        }
        return r;
    }

    @Benchmark
    public JsonNode baselineReadTree() {
        return mapper.readTree(body);
    }

    @Benchmark
    public long baselineNextTokenLoop() {
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
