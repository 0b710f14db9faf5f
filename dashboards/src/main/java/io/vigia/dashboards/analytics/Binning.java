package io.vigia.dashboards.analytics;

/**
 * How raw samples are put into bins for PSI and Jensen–Shannon: equal-width bins spanning both
 * windows, with numpy's edges and bin assignment ({@code np.histogram_bin_edges} and
 * {@code np.histogram}: bins are half-open {@code [e_i, e_i+1)}, the last one closed).
 */
public sealed interface Binning {

    /** Number of bins for the combined samples, whose smallest and largest values are given. */
    int bins(int combinedCount, double min, double max);

    /**
     * Sturges' rule over both windows together, as Evidently bins numerical features for PSI and
     * Jensen–Shannon ({@code np.histogram_bin_edges(concat(reference, current), bins="sturges")}).
     */
    record Sturges() implements Binning {
        @Override
        public int bins(int combinedCount, double min, double max) {
            double range = max - min;
            // numpy: width = ptp / (log2(n) + 1); bins = ceil(ptp / width), 1 when ptp is 0
            double width = range / (log2(combinedCount) + 1.0);
            return width > 0 ? (int) Math.ceil(range / width) : 1;
        }

        private static double log2(int n) {
            // exact for powers of two, where Math.log(n) / Math.log(2) can miss by an ulp
            if (Integer.bitCount(n) == 1) {
                return Integer.numberOfTrailingZeros(n);
            }
            return Math.log(n) / Math.log(2);
        }
    }

    /** A fixed number of equal-width bins. */
    record EqualWidth(int count) implements Binning {
        public EqualWidth {
            if (count < 1) {
                throw new IllegalArgumentException("bin count must be >= 1: " + count);
            }
        }

        @Override
        public int bins(int combinedCount, double min, double max) {
            return count;
        }
    }

    /** Evidently's choice. */
    static Binning defaults() {
        return new Sturges();
    }

    /** Bin counts of two sorted samples on shared edges. */
    static double[][] counts(Binning binning, double[] sortedBaseline, double[] sortedCurrent) {
        double min = Math.min(sortedBaseline[0], sortedCurrent[0]);
        double max = Math.max(sortedBaseline[sortedBaseline.length - 1], sortedCurrent[sortedCurrent.length - 1]);
        int k = binning.bins(sortedBaseline.length + sortedCurrent.length, min, max);
        double[] edges = edges(min, max, k);
        return new double[][] {count(sortedBaseline, edges), count(sortedCurrent, edges)};
    }

    /** {@code np.linspace(first, last, k + 1)}; a zero range widens to ±0.5 as numpy does. */
    static double[] edges(double min, double max, int k) {
        double first = min;
        double last = max;
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double[] edges = new double[k + 1];
        double step = (last - first) / k;
        for (int i = 0; i < k; i++) {
            edges[i] = i * step + first;
        }
        edges[k] = last;
        return edges;
    }

    /** Counts of sorted values in {@code [e_i, e_i+1)}, the last bin closed; values outside are ignored. */
    static double[] count(double[] sorted, double[] edges) {
        int k = edges.length - 1;
        double[] counts = new double[k];
        int bin = 0;
        for (double v : sorted) {
            if (v < edges[0] || v > edges[k]) {
                continue;
            }
            while (bin < k - 1 && v >= edges[bin + 1]) {
                bin++;
            }
            counts[bin]++;
        }
        return counts;
    }
}
