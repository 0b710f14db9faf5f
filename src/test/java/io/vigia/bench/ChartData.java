package io.vigia.bench;

import java.util.SplittableRandom;

/** The benchmark series: a noisy random walk (the hard case for reduction), one sample a second. */
final class ChartData {

    static final long T0 = 1_763_500_000_000L;

    final long[] ts;
    final double[] values;

    ChartData(int n, long seed) {
        ts = new long[n];
        values = new double[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        double walk = 100;
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * 1000L;
            walk += rnd.nextGaussian();
            values[i] = walk + rnd.nextGaussian() * 5;
        }
    }

    long from() {
        return ts[0];
    }

    long to() {
        return ts[ts.length - 1];
    }
}
