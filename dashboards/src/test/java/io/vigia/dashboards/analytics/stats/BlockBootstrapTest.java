package io.vigia.dashboards.analytics.stats;

import io.vigia.dashboards.analytics.BeforeAfter;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reason for the block bootstrap: consecutive steps of a metric are autocorrelated, and a test
 * that treats them as independent samples (Mann–Whitney, as Deploy impact used) finds "significant"
 * changes where nothing changed.
 */
class BlockBootstrapTest {
    static final int SERIES = 200;

    @Test
    void onAutocorrelatedSeriesWithoutChangeTheIndependentTestCriesWolfAndTheBlockBootstrapDoesNot() {
        UniformRandomProvider rng = StatsReference.rng(7);
        BlockBootstrap bootstrap = BlockBootstrap.withDefaults().withResamples(499);
        int oldFalseAlarms = 0;
        int newFalseAlarms = 0;
        for (int i = 0; i < SERIES; i++) {
            // one AR(1) series (phi 0.9) split at a "deploy" that changed nothing
            double[] x = StatsReference.gaussianAr1(rng, 240, 0.9);
            double[] before = Arrays.copyOfRange(x, 0, 120);
            double[] after = Arrays.copyOfRange(x, 120, 240);
            if (BeforeAfter.withDefaults().withResamples(0).compare(before, after).mannWhitney().pValue() < 0.05) {
                oldFalseAlarms++;
            }
            if (bootstrap.withSeed(i).compare(before, after, Estimator.MEDIAN).pValue() < 0.05) {
                newFalseAlarms++;
            }
        }
        double oldRate = (double) oldFalseAlarms / SERIES;
        double newRate = (double) newFalseAlarms / SERIES;
        // measured 0.615 and 0.165 at alpha 0.05 (docs/statistics.md): the block bootstrap is still
        // liberal on a series this persistent and short, but four times less than Mann–Whitney
        assertThat(oldRate).as("Mann–Whitney false alarm rate").isGreaterThan(0.5);
        assertThat(newRate).as("block bootstrap false alarm rate").isLessThan(0.2).isLessThan(oldRate / 3);
    }

    @Test
    void onIndependentSeriesItKeepsItsLevelAndFindsARealShift() {
        UniformRandomProvider rng = StatsReference.rng(11);
        BlockBootstrap bootstrap = BlockBootstrap.withDefaults().withResamples(499);
        int falseAlarms = 0;
        int found = 0;
        for (int i = 0; i < SERIES; i++) {
            double[] before = StatsReference.gaussianAr1(rng, 120, 0);
            double[] after = StatsReference.gaussianAr1(rng, 120, 0);
            if (bootstrap.withSeed(i).compare(before, after, Estimator.MEAN).pValue() < 0.05) {
                falseAlarms++;
            }
            double[] shifted = after.clone();
            for (int j = 0; j < shifted.length; j++) {
                shifted[j] += 0.6;
            }
            if (bootstrap.withSeed(i).compare(before, shifted, Estimator.MEAN).pValue() < 0.05) {
                found++;
            }
        }
        assertThat((double) falseAlarms / SERIES).isLessThan(0.09);
        assertThat((double) found / SERIES).as("power for a 0.6 sd shift, n = 120 + 120").isGreaterThan(0.9);
    }

    @Test
    void aResultCarriesEverythingAVerdictNeedsAndIsReproducible() {
        double[] before = StatsReference.ar1(5, 100, 0.8);
        double[] after = StatsReference.ar1(6, 100, 0.8);
        for (int i = 0; i < after.length; i++) {
            after[i] += 200;
        }
        TwoSampleTest t = BlockBootstrap.withDefaults().compare(before, after, Estimator.MEDIAN);
        assertThat(t.nBefore()).isEqualTo(100);
        assertThat(t.nAfter()).isEqualTo(100);
        assertThat(t.blockBefore()).isGreaterThan(1);
        assertThat(t.difference()).isEqualTo(t.after() - t.before());
        assertThat(t.differenceInterval().contains(t.difference())).isTrue();
        assertThat(t.differenceInterval().lower()).isPositive();
        assertThat(t.pValue()).isEqualTo(1.0 / 2001);
        assertThat(t.summary()).contains("n = 100 before / 100 after", "circular block bootstrap", "p = ≤ 0.00050");
        assertThat(BlockBootstrap.withDefaults().compare(before, after, Estimator.MEDIAN)).isEqualTo(t);
        assertThat(before[0]).isEqualTo(StatsReference.ar1(5, 100, 0.8)[0]);
    }

    @Test
    void badInputIsRefused() {
        BlockBootstrap b = BlockBootstrap.withDefaults();
        assertThatThrownBy(() -> b.compare(new double[] {1}, new double[] {1, 2}, Estimator.MEAN))
                .hasMessageContaining("before needs at least 2 values");
        assertThatThrownBy(() -> b.compare(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1, 2}, Estimator.MEAN))
                .hasMessageContaining("infinite");
        assertThatThrownBy(() -> b.withResamples(10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.compare(new double[] {1, Double.NaN, 2, 3}, new double[] {1, 2, 3}, Estimator.MEAN).nBefore()).isEqualTo(3);
    }
}
