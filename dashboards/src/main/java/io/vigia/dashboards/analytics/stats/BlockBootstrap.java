package io.vigia.dashboards.analytics.stats;

import io.vigia.dashboards.analytics.Interval;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Quantile;

import java.util.Arrays;
import java.util.Locale;

/**
 * Compares a time series before an event with the series after it without treating consecutive
 * steps as independent samples: each window is resampled with a circular block bootstrap
 * (blocks of consecutive steps, wrapping at the end; Politis &amp; Romano 1992), the block length
 * chosen from that window's own autocorrelation ({@link BlockLength}). The effect is the
 * difference of the estimator (after − before) with a percentile interval; the p-value is the
 * bootstrap test of Hall &amp; Wilson (1991): the share of resampled differences at least as far
 * from the observed one as the observed one is from 0, {@code (1 + #{|d* − d| ≥ |d|}) / (B + 1)}.
 * Immutable and deterministic for a seed.
 */
public final class BlockBootstrap {
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 20_260_101L;
    private static final Quantile PERCENTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private final int resamples;
    private final long seed;
    private final double confidence;

    private BlockBootstrap(int resamples, long seed, double confidence) {
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** 2,000 resamples, 95% intervals, a fixed seed. */
    public static BlockBootstrap withDefaults() {
        return new BlockBootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED, 0.95);
    }

    public BlockBootstrap withResamples(int r) {
        if (r < 99 || r > 1_000_000) {
            throw new IllegalArgumentException("resamples must be in [99, 1000000]: " + r);
        }
        return new BlockBootstrap(r, seed, confidence);
    }

    public BlockBootstrap withSeed(long s) {
        return new BlockBootstrap(resamples, s, confidence);
    }

    public BlockBootstrap withConfidence(double c) {
        if (!(c > 0 && c < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + c);
        }
        return new BlockBootstrap(resamples, seed, c);
    }

    /**
     * @param before the window before, in time order (NaNs, i.e. missing steps, are dropped)
     * @param after  the window after, in time order
     * @throws IllegalArgumentException when a window has fewer than 2 finite values
     */
    public TwoSampleTest compare(double[] before, double[] after, Estimator estimator) {
        double[] b = finite(before, "before");
        double[] a = finite(after, "after");
        int blockB = BlockLength.blockOf(b);
        int blockA = BlockLength.blockOf(a);
        double eb = estimator.evaluate(b);
        double ea = estimator.evaluate(a);
        double d = ea - eb;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] rb = new double[b.length];
        double[] ra = new double[a.length];
        double[] diffs = new double[resamples];
        int extreme = 0;
        for (int r = 0; r < resamples; r++) {
            resample(b, blockB, rb, rng);
            resample(a, blockA, ra, rng);
            diffs[r] = estimator.evaluateInPlace(ra) - estimator.evaluateInPlace(rb);
            if (Math.abs(diffs[r] - d) >= Math.abs(d)) {
                extreme++;
            }
        }
        double tail = (1 - confidence) / 2;
        double[] ci = PERCENTILE.evaluate(diffs, tail, 1 - tail);
        double p = (1.0 + extreme) / (resamples + 1.0);
        String method = String.format(Locale.ROOT,
                "circular block bootstrap of the %s difference (blocks of %d and %d steps, Politis–White; %d resamples)",
                estimator.label(), blockB, blockA, resamples);
        return new TwoSampleTest(method, estimator, b.length, a.length, blockB, blockA, eb, ea, d,
                new Interval(ci[0], ci[1]), confidence, p, resamples);
    }

    /** One circular-block resample of {@code x} into {@code into}: blocks start anywhere and wrap around. */
    private static void resample(double[] x, int block, double[] into, UniformRandomProvider rng) {
        int n = x.length;
        int filled = 0;
        while (filled < n) {
            int start = rng.nextInt(n);
            for (int j = 0; j < block && filled < n; j++) {
                into[filled++] = x[(start + j) % n];
            }
        }
    }

    private static double[] finite(double[] values, String name) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " has an infinite value");
            }
            out[n++] = v;
        }
        if (n < 2) {
            throw new IllegalArgumentException(name + " needs at least 2 values, has " + n);
        }
        return Arrays.copyOf(out, n);
    }
}
