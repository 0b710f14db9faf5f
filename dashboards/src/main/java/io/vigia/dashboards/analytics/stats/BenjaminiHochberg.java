package io.vigia.dashboards.analytics.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Benjamini–Hochberg step-up correction for the many comparisons one page or table shows:
 * adjusted p-values ("q-values") whose threshold at alpha keeps the expected share of false
 * discoveries at most alpha. {@code q(i) = min over j ≥ i of (m / j) · p(j)} over the p-values in
 * ascending order, capped at 1; the same numbers as
 * {@code scipy.stats.false_discovery_control(p, method="bh")}. NaN p-values (a row without data)
 * are not comparisons: they stay NaN and do not count in {@code m}.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /** Adjusted p-values, in the order of {@code p}. */
    public static double[] adjust(double[] p) {
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                if (p[i] < 0 || p[i] > 1) {
                    throw new IllegalArgumentException("p-value " + i + " is not in [0, 1]: " + p[i]);
                }
                order[m++] = i;
            }
        }
        Integer[] ranked = Arrays.copyOf(order, m);
        Arrays.sort(ranked, Comparator.comparingDouble(i -> p[i]));
        double running = 1;
        for (int k = m - 1; k >= 0; k--) {
            running = Math.min(running, p[ranked[k]] * m / (k + 1));
            q[ranked[k]] = running;
        }
        return q;
    }
}
