package io.vigia.dashboards.analytics.stats;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Inputs shared with {@code src/test/resources/io/vigia/dashboards/analytics/stats/reference_stats.py}:
 * integer arithmetic modulo 2^64 then one exact division, and an AR(1) recursion in the same
 * order of operations, so Python and Java produce bit-identical series.
 */
final class StatsReference {
    private StatsReference() {
    }

    static double[] lcg(long seed, int n) {
        double[] out = new double[n];
        long s = seed;
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            out[i] = ((s >>> 33) % 100000) / 1000.0;
        }
        return out;
    }

    static double[] ar1(long seed, int n, double phi) {
        double[] u = lcg(seed, n);
        double[] x = new double[n];
        double prev = 0;
        for (int i = 0; i < n; i++) {
            prev = phi * prev + (u[i] - 50.0);
            x[i] = prev;
        }
        return x;
    }

    /** A Gaussian AR(1) series started from its stationary distribution (no burn-in drift). */
    static double[] gaussianAr1(UniformRandomProvider rng, int n, double phi) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[n];
        double prev = g.sample() / Math.sqrt(1 - phi * phi);
        for (int i = 0; i < n; i++) {
            prev = phi * prev + g.sample();
            x[i] = prev;
        }
        return x;
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }
}
