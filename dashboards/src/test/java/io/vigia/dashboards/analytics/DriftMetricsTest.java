package io.vigia.dashboards.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The hand-written formulas against scipy/numpy. Every expected value was printed by
 * {@code reference_values.py} (test resources) under scipy 1.17.1 / numpy 2.4.6; the call is
 * quoted beside each one.
 */
class DriftMetricsTest {
    static final double[] BOUNDS = {0.1, 0.25, 0.5, 1.0, 2.5, Double.POSITIVE_INFINITY};
    static final double[] BASE = {120, 340, 280, 160, 80, 20};
    static final double[] CUR = {90, 260, 300, 210, 110, 30};

    @Test
    void psiMatchesEvidentlyFormula() {
        // numpy: p=hb/hb.sum(); q=hc/hc.sum(); zeros->1e-4; np.sum((q-p)*np.log(q/p)) -> 0.05867638731968657
        assertThat(DriftMetrics.psi(BASE, CUR, 1e-4)).isCloseTo(0.05867638731968657, within(1e-14));
    }

    @Test
    void jensenShannonMatchesScipyBase2() {
        // scipy.spatial.distance.jensenshannon(hb, hc, base=2) -> 0.10268797584942552
        assertThat(DriftMetrics.jensenShannon(BASE, CUR)).isCloseTo(0.10268797584942552, within(1e-14));
    }

    @Test
    void weightedWassersteinMatchesScipy() {
        double[] points = new Histogram(BOUNDS, BASE).representativePoints();
        assertThat(points).containsExactly(0.05, 0.175, 0.375, 0.75, 1.75, 2.5);
        // scipy.stats.wasserstein_distance(pts, pts, hb, hc) -> 0.10700000000000004
        assertThat(DriftMetrics.wasserstein(points, BASE, CUR)).isCloseTo(0.10700000000000004, within(1e-14));
        // np.sqrt(np.average((pts - np.average(pts, weights=hb))**2, weights=hb)) -> 0.5284006529140554
        assertThat(DriftMetrics.weightedStd(points, BASE)).isCloseTo(0.5284006529140554, within(1e-14));
    }

    @Test
    void sampleWassersteinMatchesScipy() {
        double[] a = ReferenceData.SMALL_A.clone();
        double[] b = ReferenceData.SMALL_B.clone();
        java.util.Arrays.sort(a);
        java.util.Arrays.sort(b);
        // scipy.stats.wasserstein_distance(a, b) -> 3.231666666666666
        assertThat(DriftMetrics.wasserstein(a, b)).isCloseTo(3.231666666666666, within(1e-12));
        double[] ta = ReferenceData.TIES_A.clone();
        double[] tb = ReferenceData.TIES_B.clone();
        // scipy.stats.wasserstein_distance(ta, tb) -> 1.625
        assertThat(DriftMetrics.wasserstein(ta, tb)).isCloseTo(1.625, within(1e-12));
    }

    @Test
    void identicalDistributionsHaveZeroDistance() {
        assertThat(DriftMetrics.psi(BASE, BASE, 1e-4)).isZero();
        assertThat(DriftMetrics.jensenShannon(BASE, BASE)).isZero();
        // proportions, not counts, are compared: a scaled histogram is the same distribution
        double[] doubled = {240, 680, 560, 320, 160, 40};
        assertThat(DriftMetrics.jensenShannon(BASE, doubled)).isZero();
        assertThat(DriftMetrics.psi(BASE, doubled, 1e-4)).isZero();
        double[] s = {1, 2, 3, 4};
        assertThat(DriftMetrics.wasserstein(s, s)).isZero();
    }

    @Test
    void disjointHistogramsHaveJensenShannonOne() {
        double[] a = {5, 5, 0, 0};
        double[] b = {0, 0, 3, 7};
        // base-2 JS distance of disjoint supports is exactly 1 (its maximum)
        assertThat(DriftMetrics.jensenShannon(a, b)).isCloseTo(1.0, within(1e-15));
        // PSI with epsilon 1e-4 for the empty bins:
        // (1e-4-.5)ln(1e-4/.5)*2 + (.3-1e-4)ln(.3/1e-4) + (.7-1e-4)ln(.7/1e-4)
        double expected = 2 * (1e-4 - 0.5) * Math.log(1e-4 / 0.5)
                + (0.3 - 1e-4) * Math.log(0.3 / 1e-4) + (0.7 - 1e-4) * Math.log(0.7 / 1e-4);
        assertThat(DriftMetrics.psi(a, b, 1e-4)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void psiEpsilonChangesOnlyEmptyBins() {
        double[] a = {5, 5, 0};
        double[] b = {4, 5, 1};
        assertThat(DriftMetrics.psi(a, b, 1e-4)).isNotEqualTo(DriftMetrics.psi(a, b, 1e-3));
        assertThat(DriftMetrics.psi(BASE, CUR, 1e-4)).isEqualTo(DriftMetrics.psi(BASE, CUR, 1e-3));
    }

    @Test
    void rejectsBadCounts() {
        assertThatThrownBy(() -> DriftMetrics.psi(new double[0], new double[0], 1e-4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no bins");
        assertThatThrownBy(() -> DriftMetrics.jensenShannon(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 bins");
        assertThatThrownBy(() -> DriftMetrics.jensenShannon(new double[] {0, 0}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline window is empty");
        assertThatThrownBy(() -> DriftMetrics.psi(new double[] {1, Double.NaN}, new double[] {1, 1}, 1e-4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> DriftMetrics.psi(new double[] {1, -1}, new double[] {1, 1}, 1e-4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DriftMetrics.psi(BASE, CUR, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> DriftMetrics.wasserstein(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DriftMetrics.wasserstein(new double[] {2, 1}, new double[] {1, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted");
    }
}
