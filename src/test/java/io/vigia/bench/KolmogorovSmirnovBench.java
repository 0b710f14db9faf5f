package io.vigia.bench;

import io.vigia.dashboards.analytics.DriftAnalyzer;
import io.vigia.dashboards.analytics.KolmogorovSmirnovResult;
import java.util.Arrays;
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

/**
 * Two-sample Kolmogorov–Smirnov (Commons Statistics behind Vigia's NaN policy) vs the floor of any
 * KS: copy and {@code Arrays.sort} both samples, then one merge pass for the largest CDF gap.
 * Issue 7 goal: ≤ 1.2× the floor. Two rows: the statistic alone (what the goal compares like for
 * like) and the full test, whose p-value (the finite-n Kolmogorov distribution) costs extra.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class KolmogorovSmirnovBench {

    /** Samples per window (both windows the same size; the current one shifted). */
    @Param({"10000", "100000"})
    int samples;

    double[] baseline;
    double[] current;
    DriftAnalyzer analyzer;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        baseline = new double[samples];
        current = new double[samples];
        for (int i = 0; i < samples; i++) {
            // latency-like values in ms, rounded to 0.1 ms as scrapes often are (so ties occur)
            baseline[i] = Math.round(-Math.log(1 - rnd.nextDouble()) * 1200) / 10.0;
            current[i] = Math.round(-Math.log(1 - rnd.nextDouble()) * 1300) / 10.0;
        }
        analyzer = DriftAnalyzer.withDefaults();
    }

    @Benchmark
    public double baselineSortAndMerge() {
        double[] a = baseline.clone();
        double[] b = current.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        int n = a.length;
        int m = b.length;
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < n && j < m) {
            double x = Math.min(a[i], b[j]);
            while (i < n && a[i] == x) {
                i++;
            }
            while (j < m && b[j] == x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / n - (double) j / m));
        }
        return d;
    }

    @Benchmark
    public double kolmogorovSmirnovStatistic() {
        return analyzer.kolmogorovSmirnovStatistic(baseline, current);
    }

    @Benchmark
    public KolmogorovSmirnovResult kolmogorovSmirnovTest() {
        return analyzer.kolmogorovSmirnov(baseline, current);
    }
}
