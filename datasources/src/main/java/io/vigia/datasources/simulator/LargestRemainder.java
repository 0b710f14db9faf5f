package io.vigia.datasources.simulator;

/**
 * Splits a whole number of observations over histogram buckets in proportion to a CDF, rounding
 * by largest remainder so the parts add up to exactly {@code n} (no library offers this apportionment
 * for bucket counts; it is a few lines).
 */
final class LargestRemainder {
    private LargestRemainder() {
    }

    /**
     * @param cdf probability of an observation at or below each finite bound, non-decreasing
     * @return one count per finite bound plus one for {@code +Inf}, summing to {@code n}
     */
    static long[] split(long n, double[] cdf) {
        int k = cdf.length + 1;
        long[] counts = new long[k];
        double[] remainders = new double[k];
        long assigned = 0;
        double previous = 0;
        for (int i = 0; i < k; i++) {
            double p = (i < cdf.length ? cdf[i] : 1.0) - previous;
            previous = i < cdf.length ? cdf[i] : 1.0;
            double exact = n * Math.max(0, p);
            counts[i] = (long) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (long left = n - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < k; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }
}
