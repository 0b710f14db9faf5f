package io.vigia.dashboards.analytics;

/**
 * Inputs shared with {@code src/test/resources/io/vigia/dashboards/analytics/reference_values.py},
 * which computed the reference values with scipy 1.17.1 / numpy 2.4.6 (Debian python3-scipy).
 * The generator is integer arithmetic modulo 2^64 followed by one exact division, so Python and
 * Java produce bit-identical samples.
 */
final class ReferenceData {
    private ReferenceData() {
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

    static double[] affine(double[] x, double scale, double shift) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * scale + shift;
        }
        return out;
    }

    /** Small samples without ties. */
    static final double[] SMALL_A = {12.1, 15.3, 9.8, 11.0, 14.2, 13.7, 10.4, 16.9, 12.8, 11.9, 13.1, 10.9};
    static final double[] SMALL_B = {14.5, 17.2, 13.9, 18.4, 15.8, 16.3, 12.2, 19.1, 15.1, 17.7, 14.9, 16.6, 13.4, 18.0, 15.5};

    /** Small samples with ties within and between them. */
    static final double[] TIES_A = {1, 2, 2, 3, 3, 3, 4, 5};
    static final double[] TIES_B = {2, 3, 3, 4, 4, 5, 5, 6, 6, 7};

    /** la = lcg(1, 2000); lb = lcg(2, 1500) * 1.1 + 3.0 */
    static double[] largeA() {
        return lcg(1, 2000);
    }

    static double[] largeB() {
        return affine(lcg(2, 1500), 1.1, 3.0);
    }
}
