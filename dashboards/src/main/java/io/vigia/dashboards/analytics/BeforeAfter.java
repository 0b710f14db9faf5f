package io.vigia.dashboards.analytics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * Compares a sample before an event with one after it: quantiles with bootstrap confidence
 * intervals for each and for their difference, and a Mann–Whitney U test. Immutable; configure
 * with the {@code with...} methods. Deterministic: the same inputs and seed give the same
 * intervals.
 */
public final class BeforeAfter {
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 20_260_101L;

    /**
     * numpy's default {@code np.quantile(..., method="linear")} is Hyndman–Fan type 7. It reorders
     * the array it is given: every array passed here is this class's own copy.
     */
    private static final Quantile QUANTILE = Quantile.withDefaults()
            .with(Quantile.EstimationMethod.HF7)
            .withCopy(false);
    private static final MannWhitneyUTest MANN_WHITNEY = MannWhitneyUTest.withDefaults()
            .with(PValueMethod.ASYMPTOTIC)
            .with(ContinuityCorrection.ENABLED);

    private final double[] probabilities;
    private final int resamples;
    private final long seed;
    private final double confidence;
    private final double alpha;

    private BeforeAfter(double[] probabilities, int resamples, long seed, double confidence, double alpha) {
        this.probabilities = probabilities;
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
        this.alpha = alpha;
    }

    /** p50, p95, p99; 2,000 resamples; 95% intervals; alpha 0.05. */
    public static BeforeAfter withDefaults() {
        return new BeforeAfter(new double[] {0.5, 0.95, 0.99}, DEFAULT_RESAMPLES, DEFAULT_SEED, 0.95, 0.05);
    }

    public BeforeAfter withProbabilities(double... p) {
        if (p == null || p.length == 0) {
            throw new IllegalArgumentException("at least one quantile probability is required");
        }
        for (double x : p) {
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException("quantile probability must be in [0, 1]: " + x);
            }
        }
        return new BeforeAfter(p.clone(), resamples, seed, confidence, alpha);
    }

    /** Bootstrap resamples; 0 skips the intervals (they are then NaN and no quantile is significant). */
    public BeforeAfter withResamples(int r) {
        if (r < 0 || r > 1_000_000) {
            throw new IllegalArgumentException("resamples must be in [0, 1000000]: " + r);
        }
        return new BeforeAfter(probabilities, r, seed, confidence, alpha);
    }

    public BeforeAfter withSeed(long s) {
        return new BeforeAfter(probabilities, resamples, s, confidence, alpha);
    }

    public BeforeAfter withConfidence(double c) {
        if (!(c > 0 && c < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + c);
        }
        return new BeforeAfter(probabilities, resamples, seed, c, alpha);
    }

    public BeforeAfter withAlpha(double a) {
        if (!(a > 0 && a < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + a);
        }
        return new BeforeAfter(probabilities, resamples, seed, confidence, a);
    }

    /** Quantiles of {@code values} as numpy's default linear interpolation (NaNs dropped). */
    public static double[] quantiles(double[] values, double... p) {
        return QUANTILE.evaluate(Samples.finite(values, "sample"), p);
    }

    public BeforeAfterComparison compare(double[] before, double[] after) {
        double[] b = Samples.finite(before, "before");
        double[] a = Samples.finite(after, "after");
        int k = probabilities.length;
        double[] qb = QUANTILE.evaluate(b, probabilities);
        double[] qa = QUANTILE.evaluate(a, probabilities);

        double[][] bootB = new double[k][resamples];
        double[][] bootA = new double[k][resamples];
        double[][] bootD = new double[k][resamples];
        // one generator, before's draws then after's for each resample: reproducible for a seed
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] rb = new double[b.length];
        double[] ra = new double[a.length];
        for (int r = 0; r < resamples; r++) {
            resample(b, rb, rng);
            resample(a, ra, rng);
            double[] sb = QUANTILE.evaluate(rb, probabilities);
            double[] sa = QUANTILE.evaluate(ra, probabilities);
            for (int j = 0; j < k; j++) {
                bootB[j][r] = sb[j];
                bootA[j][r] = sa[j];
                bootD[j][r] = sa[j] - sb[j];
            }
        }
        List<QuantileChange> changes = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            double diff = qa[j] - qb[j];
            double pct = qb[j] == 0 ? Double.NaN : 100 * diff / Math.abs(qb[j]);
            Interval di = interval(bootD[j]);
            changes.add(new QuantileChange(probabilities[j], qb[j], qa[j], diff, pct,
                    interval(bootB[j]), interval(bootA[j]), di, resamples > 0 && !di.contains(0)));
        }
        MannWhitneyUTest.Result mw = MANN_WHITNEY.test(b, a);
        MannWhitneyResult mwr = new MannWhitneyResult(mw.getStatistic(), mw.getPValue(), mw.hasTiedValues());
        return new BeforeAfterComparison(b.length, a.length, changes, mwr, alpha, confidence, resamples, seed,
                mw.getPValue() < alpha);
    }

    private static void resample(double[] from, double[] into, UniformRandomProvider rng) {
        int n = from.length;
        for (int i = 0; i < n; i++) {
            into[i] = from[rng.nextInt(n)];
        }
    }

    /** Percentile interval of the bootstrap distribution (as scipy.stats.bootstrap's "percentile" method). */
    private Interval interval(double[] boot) {
        if (boot.length == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double tail = (1 - confidence) / 2;
        double[] q = QUANTILE.evaluate(boot, tail, 1 - tail);
        return new Interval(q[0], q[1]);
    }
}
