package io.vigia.dashboards.analytics;

/**
 * The distance formulas no JVM statistics library ships (Commons Statistics and Commons Math have
 * no PSI, no Jensen–Shannon distance and no Wasserstein distance), each a short loop, written to
 * give the same numbers as the Python references users check against.
 */
public final class DriftMetrics {
    /**
     * Proportion put in place of an empty bin before PSI's logarithm: Evidently replaces zero
     * proportions by 0.0001 ({@code np.place(percents, percents == 0, 0.0001)} in its
     * {@code get_binned_data}), without renormalizing; Vigia does the same so its PSI equals
     * Evidently's.
     */
    public static final double DEFAULT_PSI_EPSILON = 1e-4;

    private static final double LN2 = Math.log(2);

    private DriftMetrics() {
    }

    /**
     * Population Stability Index {@code Σ (c_i − b_i) · ln(c_i / b_i)} over the bins' proportions
     * {@code b} (baseline) and {@code c} (current), each count divided by its window's total, any
     * zero proportion replaced by {@code epsilon} (see {@link #DEFAULT_PSI_EPSILON}).
     */
    public static double psi(double[] baselineCounts, double[] currentCounts, double epsilon) {
        checkCounts(baselineCounts, currentCounts);
        if (!(epsilon > 0) || epsilon >= 1) {
            throw new IllegalArgumentException("PSI epsilon must be in (0, 1): " + epsilon);
        }
        double bt = total(baselineCounts, "baseline");
        double ct = total(currentCounts, "current");
        double sum = 0;
        for (int i = 0; i < baselineCounts.length; i++) {
            double b = baselineCounts[i] / bt;
            double c = currentCounts[i] / ct;
            if (b == 0) {
                b = epsilon;
            }
            if (c == 0) {
                c = epsilon;
            }
            sum += (c - b) * Math.log(c / b);
        }
        return sum;
    }

    /**
     * Jensen–Shannon distance with base-2 logarithms, in [0, 1]: the square root of the
     * Jensen–Shannon divergence, as {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}
     * (counts are normalized to proportions first, like scipy does; empty bins need no epsilon
     * because {@code 0 · log 0} is taken as 0).
     */
    public static double jensenShannon(double[] baselineCounts, double[] currentCounts) {
        checkCounts(baselineCounts, currentCounts);
        double pt = total(baselineCounts, "baseline");
        double qt = total(currentCounts, "current");
        double sum = 0;
        for (int i = 0; i < baselineCounts.length; i++) {
            double p = baselineCounts[i] / pt;
            double q = currentCounts[i] / qt;
            double m = (p + q) / 2;
            if (p > 0) {
                sum += p * Math.log(p / m);
            }
            if (q > 0) {
                sum += q * Math.log(q / m);
            }
        }
        return Math.sqrt(Math.max(0, sum / LN2 / 2));
    }

    /**
     * Wasserstein-1 (earth mover's) distance between two samples sorted ascending: the area
     * between their empirical CDFs, as {@code scipy.stats.wasserstein_distance(u, v)}.
     */
    public static double wasserstein(double[] sortedBaseline, double[] sortedCurrent) {
        int n = sortedBaseline.length;
        int m = sortedCurrent.length;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("Wasserstein distance needs samples on both sides");
        }
        int i = 0;
        int j = 0;
        double x = Math.min(sortedBaseline[0], sortedCurrent[0]);
        double area = 0;
        while (true) {
            while (i < n && sortedBaseline[i] <= x) {
                i++;
            }
            while (j < m && sortedCurrent[j] <= x) {
                j++;
            }
            if (i == n && j == m) {
                return area;
            }
            double next = i == n ? sortedCurrent[j] : j == m ? sortedBaseline[i] : Math.min(sortedBaseline[i], sortedCurrent[j]);
            area += Math.abs((double) i / n - (double) j / m) * (next - x);
            x = next;
        }
    }

    /**
     * Wasserstein-1 distance between two weighted distributions on the same points (sorted
     * ascending, ties allowed), as {@code scipy.stats.wasserstein_distance(points, points,
     * baselineWeights, currentWeights)}.
     */
    public static double wasserstein(double[] sortedPoints, double[] baselineWeights, double[] currentWeights) {
        checkCounts(baselineWeights, currentWeights);
        if (sortedPoints.length != baselineWeights.length) {
            throw new IllegalArgumentException("Wasserstein needs one weight per point: " + sortedPoints.length
                    + " points, " + baselineWeights.length + " weights");
        }
        double bt = total(baselineWeights, "baseline");
        double ct = total(currentWeights, "current");
        double bc = 0;
        double cc = 0;
        double area = 0;
        for (int k = 0; k < sortedPoints.length - 1; k++) {
            if (sortedPoints[k + 1] < sortedPoints[k]) {
                throw new IllegalArgumentException("Wasserstein points must be sorted ascending at " + k);
            }
            bc += baselineWeights[k];
            cc += currentWeights[k];
            area += Math.abs(bc / bt - cc / ct) * (sortedPoints[k + 1] - sortedPoints[k]);
        }
        return area;
    }

    /** Weighted population standard deviation of points (ddof = 0). */
    static double weightedStd(double[] points, double[] weights) {
        double t = 0;
        double mean = 0;
        for (int i = 0; i < points.length; i++) {
            t += weights[i];
            mean += weights[i] * points[i];
        }
        mean /= t;
        double ss = 0;
        for (int i = 0; i < points.length; i++) {
            double d = points[i] - mean;
            ss += weights[i] * d * d;
        }
        return Math.sqrt(ss / t);
    }

    private static void checkCounts(double[] a, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("baseline and current counts are required");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("no bins to compare");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("baseline has " + a.length + " bins, current has " + b.length);
        }
    }

    private static double total(double[] counts, String name) {
        double t = 0;
        for (int i = 0; i < counts.length; i++) {
            double c = counts[i];
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException(name + " count " + i + " must be finite and >= 0: " + c);
            }
            t += c;
        }
        if (!(t > 0)) {
            throw new IllegalArgumentException(name + " window is empty (all counts are 0)");
        }
        return t;
    }
}
