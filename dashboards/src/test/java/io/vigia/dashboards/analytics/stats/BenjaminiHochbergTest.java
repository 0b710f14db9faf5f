package io.vigia.dashboards.analytics.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BenjaminiHochbergTest {

    @Test
    void matchesScipyFalseDiscoveryControl() {
        double[] p = {0.01, 0.04, 0.03, 0.20, 0.005, 0.5, 0.049};
        // stats.false_discovery_control(p, method="bh") ->
        // [0.035, 0.0686, 0.0686, 0.23333333333333336, 0.035, 0.5, 0.0686]
        assertThat(BenjaminiHochberg.adjust(p)).containsExactly(new double[] {0.035, 0.0686, 0.0686, 0.23333333333333336,
                0.035, 0.5, 0.0686}, within(1e-12));
        assertThat(p).as("the caller's array is untouched").containsExactly(0.01, 0.04, 0.03, 0.20, 0.005, 0.5, 0.049);
    }

    @Test
    void aRowWithoutDataIsNotAComparison() {
        double[] q = BenjaminiHochberg.adjust(new double[] {0.01, Double.NaN, 0.04});
        assertThat(q[1]).isNaN();
        // m = 2: 0.01 * 2 / 1 = 0.02, 0.04 * 2 / 2 = 0.04
        assertThat(q[0]).isCloseTo(0.02, within(1e-15));
        assertThat(q[2]).isCloseTo(0.04, within(1e-15));
        assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {1.5})).isInstanceOf(IllegalArgumentException.class);
    }
}
