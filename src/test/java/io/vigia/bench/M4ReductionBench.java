package io.vigia.bench;

import io.vigia.dashboards.chart.axis.TimeScale;
import io.vigia.dashboards.chart.reduce.M4;
import io.vigia.dashboards.chart.reduce.Polyline;
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
 * M4 reduction of 1M points into 1,600 pixel columns vs the floor it is judged against: one
 * plain min/max scan over the same values (perf_anchors §2: goal M4 ≤ 2× the scan).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class M4ReductionBench {

    @Param({"1000000"})
    int points;

    @Param({"1600"})
    int width;

    ChartData data;
    TimeScale scale;

    @Setup
    public void setUp() {
        data = new ChartData(points, 42);
        scale = new TimeScale(data.from(), data.to(), 0, width);
    }

    @Benchmark
    public void baselineMinMaxScan(Blackhole bh) {
        double[] v = data.values;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
        }
        bh.consume(min);
        bh.consume(max);
    }

    @Benchmark
    public Polyline m4Reduce() {
        return M4.reduce(data.ts, data.values, 0, points, scale);
    }
}
