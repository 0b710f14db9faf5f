package io.vigia.dashboards.analytics;

import java.util.Arrays;

/** Input checks shared by the analyses: the package's NaN policy in one place. */
final class Samples {
    private Samples() {
    }

    /**
     * A copy of {@code values} without NaNs. Rejects null, infinite values and an input that is
     * empty once NaNs are dropped.
     */
    static double[] finite(double[] values, String name) {
        if (values == null) {
            throw new IllegalArgumentException(name + " samples are required");
        }
        double[] out = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " sample " + i + " is infinite (" + v + ")");
            }
            out[n++] = v;
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + " has no samples"
                    + (values.length > 0 ? " (all " + values.length + " are NaN)" : ""));
        }
        return n == values.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * As {@link #finite}, but returns {@code values} itself when it holds no NaN: only for handing
     * to a library that does not modify its input (Commons' KS test copies before sorting), so a
     * clean input is not copied twice.
     */
    static double[] finiteOrSame(double[] values, String name) {
        if (values != null && values.length > 0) {
            boolean clean = true;
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    clean = false;
                    break;
                }
            }
            if (clean) {
                return values;
            }
        }
        return finite(values, name);
    }

    /** {@link #finite} then sorted ascending. */
    static double[] sortedFinite(double[] values, String name) {
        double[] out = finite(values, name);
        Arrays.sort(out);
        return out;
    }

    /** Population standard deviation (ddof = 0, as numpy's {@code np.std}). */
    static double populationStd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            double d = v - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / values.length);
    }
}
