package io.vigia.dashboards.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Drift between a baseline window and a current window: from raw samples, from histograms with
 * the same buckets, or from category counts. Immutable; configure with the {@code with...}
 * methods. Kolmogorov–Smirnov and chi-square come from Commons Statistics; the distances from
 * {@link DriftMetrics}.
 */
public final class DriftAnalyzer {
    /** Evidently switches from the small-data tests to the distances above this baseline size. */
    static final int EVIDENTLY_SMALL_DATA_LIMIT = 1000;

    /**
     * Floor of the standard deviation that normalizes Wasserstein, so a constant baseline does
     * not divide by zero: Evidently's {@code max(np.std(reference), 0.001)}.
     */
    static final double WASSERSTEIN_MIN_NORM = 0.001;

    /** Fewest samples per window the sample comparison accepts (the KS test needs two). */
    public static final int MIN_SAMPLES = 2;

    private static final KolmogorovSmirnovTest KS = KolmogorovSmirnovTest.withDefaults();
    private static final ChiSquareTest CHI_SQUARE = ChiSquareTest.withDefaults();

    private final DriftThresholds thresholds;
    private final Binning binning;
    private final double psiEpsilon;

    private DriftAnalyzer(DriftThresholds thresholds, Binning binning, double psiEpsilon) {
        this.thresholds = thresholds;
        this.binning = binning;
        this.psiEpsilon = psiEpsilon;
    }

    /** Evidently/NannyML thresholds, Sturges bins, PSI epsilon 0.0001. */
    public static DriftAnalyzer withDefaults() {
        return new DriftAnalyzer(DriftThresholds.DEFAULTS, Binning.defaults(), DriftMetrics.DEFAULT_PSI_EPSILON);
    }

    public DriftAnalyzer withThresholds(DriftThresholds t) {
        if (t == null) {
            throw new IllegalArgumentException("thresholds are required");
        }
        return new DriftAnalyzer(t, binning, psiEpsilon);
    }

    public DriftAnalyzer withBinning(Binning b) {
        if (b == null) {
            throw new IllegalArgumentException("binning is required");
        }
        return new DriftAnalyzer(thresholds, b, psiEpsilon);
    }

    public DriftAnalyzer withPsiEpsilon(double epsilon) {
        if (!(epsilon > 0) || epsilon >= 1) {
            throw new IllegalArgumentException("PSI epsilon must be in (0, 1): " + epsilon);
        }
        return new DriftAnalyzer(thresholds, binning, epsilon);
    }

    public DriftThresholds thresholds() {
        return thresholds;
    }

    /**
     * Every score for two windows of raw samples (NaNs dropped, see the package doc); each window
     * needs at least {@link #MIN_SAMPLES} samples.
     */
    public SampleDrift samples(double[] baseline, double[] current) {
        double[] b = Samples.sortedFinite(baseline, "baseline");
        double[] c = Samples.sortedFinite(current, "current");
        double[][] binned = Binning.counts(binning, b, c);
        PsiResult psi = psi(binned[0], binned[1]);
        JensenShannonResult js = jensenShannon(binned[0], binned[1]);
        KolmogorovSmirnovResult ks = ksOfClean(b, c);
        double w = DriftMetrics.wasserstein(b, c);
        WassersteinResult wasserstein = wassersteinResult(w, Samples.populationStd(b));
        boolean small = b.length <= EVIDENTLY_SMALL_DATA_LIMIT;
        return new SampleDrift(b.length, c.length, psi, js, ks, wasserstein,
                small ? DriftMetric.KOLMOGOROV_SMIRNOV : DriftMetric.WASSERSTEIN,
                small ? ks.status() : wasserstein.status());
    }

    /** Two-sample Kolmogorov–Smirnov test alone (NaNs dropped). */
    public KolmogorovSmirnovResult kolmogorovSmirnov(double[] baseline, double[] current) {
        return ksOfClean(Samples.finiteOrSame(baseline, "baseline"), Samples.finiteOrSame(current, "current"));
    }

    /**
     * The Kolmogorov–Smirnov statistic D alone (NaNs dropped), for scans that rank many windows:
     * about the cost of sorting both samples, where the full {@link #kolmogorovSmirnov test}'s
     * p-value (Commons' finite-n Kolmogorov distribution, as scipy's {@code kstwo}) costs several
     * times more on large samples (see docs/benchmarks.md, KolmogorovSmirnovBench).
     */
    public double kolmogorovSmirnovStatistic(double[] baseline, double[] current) {
        double[] b = Samples.finiteOrSame(baseline, "baseline");
        double[] c = Samples.finiteOrSame(current, "current");
        if (b.length < MIN_SAMPLES || c.length < MIN_SAMPLES) {
            throw new IllegalArgumentException("Kolmogorov-Smirnov needs at least " + MIN_SAMPLES
                    + " samples per window (baseline " + b.length + ", current " + c.length + ")");
        }
        return KS.statistic(b, c);
    }

    private KolmogorovSmirnovResult ksOfClean(double[] b, double[] c) {
        if (b.length < MIN_SAMPLES || c.length < MIN_SAMPLES) {
            // Commons' KS test needs two values per sample; say so in our words, not its
            throw new IllegalArgumentException("Kolmogorov-Smirnov needs at least " + MIN_SAMPLES
                    + " samples per window (baseline " + b.length + ", current " + c.length + ")");
        }
        // Commons' default p-value method (AUTO) picks exact or asymptotic by sample size, as
        // scipy's ks_2samp(method="auto") does; on the tests' 2000 x 1500 samples both give the
        // exact p to every printed digit.
        KolmogorovSmirnovTest.TwoResult r = KS.test(b, c);
        return new KolmogorovSmirnovResult(r.getStatistic(), r.getPValue(), r.hasSignificantTies(),
                thresholds.pValue().ofPValue(r.getPValue()));
    }

    /** PSI, Jensen–Shannon and (approximate, see {@link Histogram}) Wasserstein between two histograms. */
    public HistogramDrift histograms(Histogram baseline, Histogram current) {
        if (baseline == null || current == null) {
            throw new IllegalArgumentException("baseline and current histograms are required");
        }
        if (!baseline.sameBuckets(current)) {
            throw new IllegalArgumentException("histograms have different buckets: "
                    + java.util.Arrays.toString(baseline.upperBounds()) + " vs "
                    + java.util.Arrays.toString(current.upperBounds()));
        }
        double[] bc = baseline.countsView();
        double[] cc = current.countsView();
        PsiResult psi = psi(bc, cc);
        JensenShannonResult js = jensenShannon(bc, cc);
        double[] points = baseline.representativePoints();
        double w = DriftMetrics.wasserstein(points, bc, cc);
        WassersteinResult wasserstein = wassersteinResult(w, DriftMetrics.weightedStd(points, bc));
        return new HistogramDrift(baseline.total(), current.total(), psi, js, wasserstein,
                DriftMetric.JENSEN_SHANNON, js.status());
    }

    /**
     * Chi-square test of homogeneity on the 2 × k table of the two windows' category counts, plus
     * Jensen–Shannon and PSI on the proportions. A category seen in neither window carries no
     * information and is left out of the test (its expected count would be 0).
     *
     * <p>Homogeneity (both windows are samples), as NannyML's {@code chi2} method and scipy's
     * {@code chi2_contingency(table, correction=False)}; Evidently's {@code chisquare} instead
     * tests the current counts against the baseline's proportions taken as exact
     * (goodness of fit), which overstates significance when the baseline is small.
     */
    public CategoricalDrift categories(Map<String, Long> baseline, Map<String, Long> current) {
        if (baseline == null || current == null) {
            throw new IllegalArgumentException("baseline and current category counts are required");
        }
        Map<String, long[]> table = new LinkedHashMap<>();
        baseline.forEach((k, v) -> table.computeIfAbsent(checkCategory(k), x -> new long[2])[0] = checkCount(k, v));
        current.forEach((k, v) -> table.computeIfAbsent(checkCategory(k), x -> new long[2])[1] = checkCount(k, v));
        List<String> names = new ArrayList<>(table.keySet());
        long[] b = new long[names.size()];
        long[] c = new long[names.size()];
        long bt = 0;
        long ct = 0;
        for (int i = 0; i < names.size(); i++) {
            long[] row = table.get(names.get(i));
            b[i] = row[0];
            c[i] = row[1];
            bt += b[i];
            ct += c[i];
        }
        if (bt == 0) {
            throw new IllegalArgumentException("baseline has no observations");
        }
        if (ct == 0) {
            throw new IllegalArgumentException("current window has no observations");
        }
        ChiSquareResult chi = chiSquare(b, c);
        double[] bd = toDouble(b);
        double[] cd = toDouble(c);
        JensenShannonResult js = jensenShannon(bd, cd);
        PsiResult psi = psi(bd, cd);
        boolean small = bt <= EVIDENTLY_SMALL_DATA_LIMIT;
        return new CategoricalDrift(names, b, c, chi, js, psi,
                small ? DriftMetric.CHI_SQUARE : DriftMetric.JENSEN_SHANNON,
                small ? chi.status() : js.status());
    }

    private ChiSquareResult chiSquare(long[] b, long[] c) {
        int k = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] + c[i] > 0) {
                k++;
            }
        }
        if (k < 2) {
            // one category in all: the mixes are identical (scipy's chi2_contingency gives 0, dof 0, p 1)
            return new ChiSquareResult(0, 0, 1, thresholds.pValue().ofPValue(1));
        }
        long[][] table = new long[2][k];
        for (int i = 0, j = 0; i < b.length; i++) {
            if (b[i] + c[i] > 0) {
                table[0][j] = b[i];
                table[1][j] = c[i];
                j++;
            }
        }
        SignificanceResult r = CHI_SQUARE.test(table);
        return new ChiSquareResult(r.getStatistic(), k - 1, r.getPValue(), thresholds.pValue().ofPValue(r.getPValue()));
    }

    private PsiResult psi(double[] b, double[] c) {
        double v = DriftMetrics.psi(b, c, psiEpsilon);
        return new PsiResult(v, b.length, psiEpsilon, thresholds.psi().ofDistance(v));
    }

    private JensenShannonResult jensenShannon(double[] b, double[] c) {
        double d = DriftMetrics.jensenShannon(b, c);
        return new JensenShannonResult(d, thresholds.jensenShannon().ofDistance(d));
    }

    private WassersteinResult wassersteinResult(double distance, double baselineStd) {
        double normalized = distance / Math.max(baselineStd, WASSERSTEIN_MIN_NORM);
        return new WassersteinResult(distance, normalized, thresholds.wassersteinNormalized().ofDistance(normalized));
    }

    private static String checkCategory(String name) {
        if (name == null) {
            throw new IllegalArgumentException("category name is null");
        }
        return name;
    }

    private static long checkCount(String category, Long count) {
        if (count == null || count < 0) {
            throw new IllegalArgumentException("count of category '" + category + "' must be >= 0: " + count);
        }
        return count;
    }

    private static double[] toDouble(long[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
