package io.vigia.bench;

import io.vigia.dashboards.analytics.DriftMetrics;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * PSI and Jensen–Shannon over two histograms, computed by Vigia's two separate, validating
 * functions, vs the floor: one fused loop over the same arrays (a pass for the totals, a pass for
 * both sums, no checks). Issue 7 goal: ≤ 2× the fused loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class DriftBench {

    /** 64: a wide Prometheus native-like histogram; 4096: PSI over fine bins of raw samples. */
    @Param({"64", "4096"})
    int buckets;

    double[] baseline;
    double[] current;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        baseline = new double[buckets];
        current = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            // some empty buckets on each side, so PSI's epsilon and JS's 0·log 0 paths both run
            baseline[i] = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(1, 1000);
            current[i] = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(1, 1000);
        }
    }

    @Benchmark
    public void baselineFusedLoop(Blackhole bh) {
        double[] b = baseline;
        double[] c = current;
        double bt = 0;
        double ct = 0;
        for (int i = 0; i < b.length; i++) {
            bt += b[i];
            ct += c[i];
        }
        double psi = 0;
        double js = 0;
        for (int i = 0; i < b.length; i++) {
            double p = b[i] / bt;
            double q = c[i] / ct;
            double m = (p + q) / 2;
            if (p > 0) {
                js += p * Math.log(p / m);
            }
            if (q > 0) {
                js += q * Math.log(q / m);
            }
            double pe = p == 0 ? 1e-4 : p;
            double qe = q == 0 ? 1e-4 : q;
            psi += (qe - pe) * Math.log(qe / pe);
        }
        bh.consume(psi);
        bh.consume(Math.sqrt(js / Math.log(2) / 2));
    }

    @Benchmark
    public void psiAndJensenShannon(Blackhole bh) {
        bh.consume(DriftMetrics.psi(baseline, current, DriftMetrics.DEFAULT_PSI_EPSILON));
        bh.consume(DriftMetrics.jensenShannon(baseline, current));
    }
}
