package io.vigia.dashboards.findings;

import java.time.Duration;
import java.util.Arrays;

/**
 * A robust seasonal baseline: at each step, the values at the same time of the week in the weeks
 * before (and a few steps either side) give a median and a median absolute deviation; the band is
 * the median ± {@code k} robust standard deviations (MAD × {@value BandSettings#MAD_SCALE}), never
 * narrower than the minimum relative or absolute effect. The median and MAD are used rather than
 * mean and standard deviation so that an incident in one earlier week does not move the band.
 * Pure function over values on a regular step grid.
 */
public final class SeasonalBand {
    static final long WEEK_MS = Duration.ofDays(7).toMillis();

    private SeasonalBand() {
    }

    /**
     * @param timestamps a regular grid ({@code step} apart) with {@code values} on it (NaN: no sample);
     *                   the week must be a whole number of steps
     * @param from       the first index to compute a band for (earlier steps are history only)
     */
    public static Band compute(long[] timestamps, double[] values, long stepMs, int from, BandSettings s) {
        if (stepMs <= 0 || WEEK_MS % stepMs != 0) {
            throw new IllegalArgumentException("the step must divide a week, was " + stepMs + " ms");
        }
        int n = timestamps.length;
        int week = (int) (WEEK_MS / stepMs);
        int m = n - from;
        double[] lower = new double[m];
        double[] median = new double[m];
        double[] upper = new double[m];
        double[] pool = new double[s.weeksBack() * (2 * s.neighbours() + 1)];
        double[] deviations = new double[pool.length];
        for (int i = from; i < n; i++) {
            int size = 0;
            int weeks = 0;
            for (int w = 1; w <= s.weeksBack(); w++) {
                int centre = i - w * week;
                boolean any = false;
                for (int j = -s.neighbours(); j <= s.neighbours(); j++) {
                    int at = centre + j;
                    if (at >= 0 && at < n && Double.isFinite(values[at])) {
                        pool[size++] = values[at];
                        any = true;
                    }
                }
                weeks += any ? 1 : 0;
            }
            int o = i - from;
            if (weeks < s.minWeeks()) {
                lower[o] = Double.NaN;
                median[o] = Double.NaN;
                upper[o] = Double.NaN;
                continue;
            }
            double med = median(pool, size);
            for (int j = 0; j < size; j++) {
                deviations[j] = Math.abs(pool[j] - med);
            }
            double sigma = BandSettings.MAD_SCALE * median(deviations, size);
            double width = Math.max(s.k() * sigma, Math.max(s.minRelative() * Math.abs(med), s.minAbsolute()));
            median[o] = med;
            lower[o] = med - width;
            upper[o] = med + width;
        }
        return new Band(Arrays.copyOfRange(timestamps, from, n), Arrays.copyOfRange(values, from, n), lower, median, upper);
    }

    /** The median of the first {@code size} values (reorders them). */
    static double median(double[] a, int size) {
        Arrays.sort(a, 0, size);
        return size % 2 == 1 ? a[size / 2] : (a[size / 2 - 1] + a[size / 2]) / 2;
    }
}
