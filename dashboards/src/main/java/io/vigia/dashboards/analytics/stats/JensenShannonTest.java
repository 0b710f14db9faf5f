package io.vigia.dashboards.analytics.stats;

import io.vigia.dashboards.analytics.DriftMetrics;
import io.vigia.dashboards.analytics.Interval;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Quantile;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether the Jensen–Shannon distance between two windows of a histogram is more than the
 * window-to-window variation of the series, without treating requests (or consecutive slices of
 * time) as independent. Each window is given as slices of time (per-slice bucket counts, in time
 * order); the distance is that of the windows' summed counts.
 *
 * <ul>
 * <li><b>p-value</b>: a block permutation test. The slices of both windows, in time order, are cut
 *     into blocks of consecutive slices; the blocks are shuffled and the first slices (as many as
 *     the window before had) form a new "before". {@code p = (1 + #{JS* ≥ JS}) / (B + 1)}. Blocks
 *     keep the short-range dependence between neighbouring slices; under "no drift" the blocks
 *     are exchangeable.</li>
 * <li><b>Block length</b>: twice the Politis–White length ({@link BlockLength}) of the baseline's
 *     per-slice mean bucket position (the shape's location over time), at most a fifth of a window
 *     (at least 5 blocks a side: 252 distinct splits). Measured on a shape whose location is an
 *     AR(1) of coefficient 0.9 over 96 + 96 hourly slices (docs/statistics.md): false alarms at
 *     alpha 0.05 are 0.115 (0.13 with the Politis–White length itself), the power for a shift of
 *     half a bucket 0.775 (0.85).</li>
 * <li><b>Interval</b>: the percentile interval of the distance over circular block bootstrap
 *     resamples of each window (same blocks), as {@link BlockBootstrap} does for a difference.</li>
 * </ul>
 * Deterministic for a seed (Commons RNG {@code XO_RO_SHI_RO_128_PP}).
 */
public final class JensenShannonTest {
    /** Fewer slices per window than this: no test (too few blocks to permute). */
    public static final int MIN_SLICES = 12;
    public static final int DEFAULT_RESAMPLES = 1999;
    private static final Quantile PERCENTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private final int resamples;
    private final long seed;
    private final double confidence;

    private JensenShannonTest(int resamples, long seed, double confidence) {
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** 1,999 permutations and bootstrap resamples, a 95% interval, the bootstrap's seed. */
    public static JensenShannonTest withDefaults() {
        return new JensenShannonTest(DEFAULT_RESAMPLES, BlockBootstrap.DEFAULT_SEED, 0.95);
    }

    public JensenShannonTest withResamples(int r) {
        if (r < 99 || r > 1_000_000) {
            throw new IllegalArgumentException("resamples must be in [99, 1000000]: " + r);
        }
        return new JensenShannonTest(r, seed, confidence);
    }

    public JensenShannonTest withSeed(long s) {
        return new JensenShannonTest(resamples, s, confidence);
    }

    /**
     * The test's numbers.
     *
     * @param distance the Jensen–Shannon distance (base 2) of the summed slices
     * @param pValue   of "the two windows are blocks of one stationary series"; never below {@code 1 / (resamples + 1)}
     */
    public record Result(int slicesBefore, int slicesAfter, int slicesEarlier, int block, double distance, Interval interval,
                         double confidence, double pValue, int resamples) {
        public String method() {
            return String.format(Locale.ROOT, "block permutation test of the Jensen–Shannon distance (%d + %d slices%s, blocks of %d, "
                    + "Politis–White; %d permutations)", slicesBefore, slicesAfter,
                    slicesEarlier > 0 ? ", " + slicesEarlier + " earlier ones in the pool" : "", block, resamples);
        }

        /** "JS = 0.21 [0.18, 0.25] (95% CI); p ≤ 0.00050; block permutation test …". */
        public String summary() {
            return String.format(Locale.ROOT, "JS = %.3f [%.3f, %.3f] (%.0f%% CI); p = %s; %s", distance, interval.lower(),
                    interval.upper(), confidence * 100, TwoSampleTest.formatP(pValue, resamples), method());
        }
    }

    /**
     * @param before slices × buckets of the window before (counts per bucket, not cumulative)
     * @param after  slices × buckets of the window after, the same buckets
     * @throws IllegalArgumentException when a window has fewer than {@link #MIN_SLICES} slices, the
     *                                  buckets differ, or a window has no count at all
     */
    public Result test(double[][] before, double[][] after) {
        return test(new double[0][], before, after);
    }

    /**
     * As {@link #test(double[][], double[][])}, with the slices of earlier windows of the same
     * series in the permutation pool: each permutation draws both windows from the shuffled blocks
     * of all of them. More history gives a change confined to a few days of one window fewer ways
     * to look ordinary (with two windows only, the days that carry it land on one side in a good
     * share of the permutations), and estimates the block length from more data.
     *
     * @param earlier slices of the windows before {@code before}, in time order (may be empty)
     */
    public Result test(double[][] earlier, double[][] before, double[][] after) {
        int k = buckets(before, after);
        buckets(earlier, before);
        if (before.length < MIN_SLICES || after.length < MIN_SLICES) {
            throw new IllegalArgumentException("a drift test needs at least " + MIN_SLICES + " slices per window (before "
                    + before.length + ", after " + after.length + ")");
        }
        double observed = DriftMetrics.jensenShannon(sum(before, k), sum(after, k));
        int block = block(concat(earlier, before), Math.min(before.length, after.length));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int extreme = 0;
        double[][] pooled = concat(concat(earlier, before), after);
        int[] order = new int[pooled.length];
        double[] sb = new double[k];
        double[] sa = new double[k];
        for (int r = 0; r < resamples; r++) {
            shuffleBlocks(order, block, rng);
            Arrays.fill(sb, 0);
            Arrays.fill(sa, 0);
            for (int i = 0; i < before.length + after.length; i++) {
                add(i < before.length ? sb : sa, pooled[order[i]]);
            }
            if (total(sb) > 0 && total(sa) > 0 && DriftMetrics.jensenShannon(sb, sa) >= observed) {
                extreme++;
            }
        }
        double[] boot = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            circular(before, block, sb, rng);
            circular(after, block, sa, rng);
            boot[r] = total(sb) > 0 && total(sa) > 0 ? DriftMetrics.jensenShannon(sb, sa) : observed;
        }
        double tail = (1 - confidence) / 2;
        double[] ci = PERCENTILE.evaluate(boot, tail, 1 - tail);
        return new Result(before.length, after.length, earlier.length, block, observed, new Interval(ci[0], ci[1]), confidence,
                (1.0 + extreme) / (resamples + 1.0), resamples);
    }

    /**
     * Twice the Politis–White length of the baseline (the window before and the earlier ones: the
     * series as it was, whose dependence a change after it does not inflate), at most a fifth of
     * the shorter window: at least 5 blocks a side, so that the permutations can tell a shift
     * apart from the series' own order (a window that is constant but for one slice would
     * otherwise get blocks of a third of it).
     */
    static int block(double[][] baseline, int shorterWindow) {
        int pw = BlockLength.blockOf(location(baseline));
        return Math.max(1, Math.min(2 * pw, shorterWindow / 5));
    }

    private static int buckets(double[][] before, double[][] after) {
        if (before == null || after == null) {
            throw new IllegalArgumentException("both windows are required");
        }
        int k = after.length > 0 ? after[0].length : before.length > 0 ? before[0].length : 0;
        for (double[][] w : new double[][][] {before, after}) {
            for (double[] slice : w) {
                if (slice.length != k) {
                    throw new IllegalArgumentException("every slice needs the same buckets (" + k + "), found " + slice.length);
                }
                for (double c : slice) {
                    if (!(c >= 0) || Double.isInfinite(c)) {
                        throw new IllegalArgumentException("bucket counts must be finite and >= 0: " + c);
                    }
                }
            }
        }
        return k;
    }

    /** Per slice, the mean bucket index weighted by counts; slices without counts left out. */
    static double[] location(double[][] slices) {
        double[] out = new double[slices.length];
        int n = 0;
        for (double[] s : slices) {
            double t = 0;
            double m = 0;
            for (int b = 0; b < s.length; b++) {
                t += s[b];
                m += b * s[b];
            }
            if (t > 0) {
                out[n++] = m / t;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * A random order of the blocks {@code [0, b), [b, 2b), …} (the last may be shorter), written
     * into {@code order} as slice indices.
     */
    private static void shuffleBlocks(int[] order, int block, UniformRandomProvider rng) {
        int n = order.length;
        int blocks = (n + block - 1) / block;
        int[] perm = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            perm[i] = i;
        }
        for (int i = blocks - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int filled = 0;
        for (int p : perm) {
            for (int i = p * block; i < Math.min(n, (p + 1) * block); i++) {
                order[filled++] = i;
            }
        }
    }

    /** Circular block resample of {@code slices} summed into {@code into}. */
    private static void circular(double[][] slices, int block, double[] into, UniformRandomProvider rng) {
        Arrays.fill(into, 0);
        int n = slices.length;
        int filled = 0;
        while (filled < n) {
            int start = rng.nextInt(n);
            for (int j = 0; j < block && filled < n; j++, filled++) {
                add(into, slices[(start + j) % n]);
            }
        }
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] sum(double[][] slices, int k) {
        double[] s = new double[k];
        for (double[] slice : slices) {
            add(s, slice);
        }
        if (total(s) <= 0) {
            throw new IllegalArgumentException("a window has no counts");
        }
        return s;
    }

    private static void add(double[] into, double[] x) {
        for (int b = 0; b < into.length; b++) {
            into[b] += x[b];
        }
    }

    private static double total(double[] x) {
        double t = 0;
        for (double v : x) {
            t += v;
        }
        return t;
    }
}
