package io.vigia.dashboards.analytics.stats;

/**
 * The block length of a circular block bootstrap chosen from the series' own autocorrelation:
 * Politis &amp; White (2004), "Automatic block-length selection for the dependent bootstrap",
 * with the correction of Patton, Politis &amp; White (2009), computed as the arch package does
 * ({@code arch.bootstrap.optimal_block_length}, bashtage/arch {@code arch/bootstrap/base.py}):
 * the bandwidth is twice the first lag after which {@code max(5, log10 n)} autocorrelations in a
 * row are insignificant (within {@code 2 sqrt(log10(n)/n)}), the flat-top lag window estimates
 * {@code G} and the long-run variance {@code g}, and {@code b = (2 G² / D)^(1/3) n^(1/3)} with
 * {@code D = 4/3 g²} for the circular bootstrap, capped at {@code min(3 sqrt n, n/3)}. A series
 * without autocorrelation gets about 1 (the ordinary bootstrap); a persistent one gets long blocks.
 */
public final class BlockLength {
    private BlockLength() {
    }

    /**
     * The circular-bootstrap block length of {@code x} (finite values, in time order), as a real
     * number as arch returns it; 1 for a constant series or one shorter than 3 points.
     */
    public static double circular(double[] x) {
        int n = x.length;
        if (n < 3) {
            return 1;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] eps = new double[n];
        boolean constant = true;
        for (int i = 0; i < n; i++) {
            eps[i] = x[i] - mean;
            constant &= eps[i] == 0;
        }
        if (constant) {
            return 1;
        }
        double bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3.0));
        int kn = Math.max(5, (int) Math.log10(n));
        int mMax = Math.min(n - 2, (int) Math.ceil(Math.sqrt(n)) + kn);
        double cv = 2 * Math.sqrt(Math.log10(n) / n);
        double[] acv = new double[mMax + 1];
        double[] absAcorr = new double[mMax + 1];
        int optM = -1;
        for (int i = 0; i <= mMax; i++) {
            double v1 = dot(eps, i + 1, eps, i + 1, n - i - 1);
            double v2 = dot(eps, 0, eps, 0, n - i - 1);
            double cross = dot(eps, i, eps, 0, n - i);
            acv[i] = cross / n;
            absAcorr[i] = v1 > 0 && v2 > 0 ? Math.abs(cross) / Math.sqrt(v1 * v2) : 0;
            if (i >= kn && optM < 0 && allBelow(absAcorr, i - kn, i, cv)) {
                optM = i - kn;
            }
        }
        int m = optM >= 0 ? 2 * Math.max(optM, 1) : mMax;
        m = Math.min(m, mMax);
        double g = 0;
        double lrAcv = acv[0];
        for (int k = 1; k <= m; k++) {
            double lam = (double) k / m <= 0.5 ? 1 : 2 * (1 - (double) k / m);
            g += 2 * lam * k * acv[k];
            lrAcv += 2 * lam * acv[k];
        }
        double d = 4.0 / 3.0 * lrAcv * lrAcv;
        if (!(d > 0) || g == 0) {
            return 1;
        }
        double b = Math.cbrt(2 * g * g / d) * Math.cbrt(n);
        return Math.min(b, bMax);
    }

    /** The whole number of points a block holds: the real length rounded, at least 1, at most n. */
    public static int blockOf(double[] x) {
        return (int) Math.max(1, Math.min(x.length, Math.round(circular(x))));
    }

    private static boolean allBelow(double[] a, int from, int to, double limit) {
        for (int i = from; i < to; i++) {
            if (!(a[i] < limit)) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, int aFrom, double[] b, int bFrom, int length) {
        double s = 0;
        for (int i = 0; i < length; i++) {
            s += a[aFrom + i] * b[bFrom + i];
        }
        return s;
    }
}
