package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.dashboards.chart.axis.NiceTicks;
import io.vigia.dashboards.chart.axis.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NiceTicksTest {

    @ParameterizedTest
    @CsvSource({"0.7, 1", "1, 1", "1.3, 2", "2, 2", "2.1, 5", "4.9, 5", "5.1, 10", "0.013, 0.02", "1234, 2000", "7e-6, 1e-5"})
    void stepsAreOneTwoFive(double raw, double expected) {
        assertThat(NiceTicks.niceStep(raw)).isCloseTo(expected, org.assertj.core.data.Offset.offset(expected * 1e-9));
    }

    @Test
    void ticksCoverTheDataOnWholeSteps() {
        NiceTicks.Ticks t = NiceTicks.compute(3, 97, 5, Unit.NONE);
        assertThat(t.step()).isEqualTo(20);
        assertThat(t.values()).containsExactly(0, 20, 40, 60, 80, 100);
        assertThat(t.labels()).containsExactly("0", "20", "40", "60", "80", "100");
    }

    @Test
    void decimalsFollowTheStepWithoutFloatNoise() {
        NiceTicks.Ticks t = NiceTicks.compute(0, 0.7, 7, Unit.NONE);
        assertThat(t.labels()).containsExactly("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7");
        assertThat(t.values()[3]).isEqualTo(0.3);
    }

    @Test
    void negativeRanges() {
        NiceTicks.Ticks t = NiceTicks.compute(-42, 13, 6, Unit.NONE);
        assertThat(t.min()).isEqualTo(-50);
        assertThat(t.max()).isEqualTo(20);
        assertThat(t.labels()).contains("-50", "0", "20");
    }

    @Test
    void flatAndEmptyRangesAreWidened() {
        NiceTicks.Ticks flat = NiceTicks.compute(5, 5, 5, Unit.NONE);
        assertThat(flat.min()).isLessThan(5);
        assertThat(flat.max()).isGreaterThan(5);
        NiceTicks.Ticks zero = NiceTicks.compute(0, 0, 5, Unit.NONE);
        assertThat(zero.min()).isEqualTo(0);
        assertThat(zero.max()).isEqualTo(1);
        NiceTicks.Ticks nan = NiceTicks.compute(Double.NaN, Double.NaN, 5, Unit.NONE);
        assertThat(nan.values()).isNotEmpty();
    }

    @Test
    void bytesAxisTicksAreNiceInMebibytes() {
        NiceTicks.Ticks t = NiceTicks.compute(0, 9.5 * 1024 * 1024, 5, Unit.BYTES);
        assertThat(t.labels()).containsExactly("0 B", "2 MiB", "4 MiB", "6 MiB", "8 MiB", "10 MiB");
        assertThat(t.values()[1]).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void durationAxisScalesToMilliseconds() {
        NiceTicks.Ticks t = NiceTicks.compute(0, 0.45, 5, Unit.SECONDS);
        assertThat(t.labels()).containsExactly("0 s", "100 ms", "200 ms", "300 ms", "400 ms", "500 ms");
    }

    @Test
    void eachLabelInItsOwnScale() {
        NiceTicks.Ticks rate = NiceTicks.compute(0, 1150, 6, Unit.REQ_PER_SEC);
        assertThat(rate.labels()).containsExactly("0 req/s", "200 req/s", "400 req/s", "600 req/s", "800 req/s", "1.0k req/s", "1.2k req/s");
        NiceTicks.Ticks bytes = NiceTicks.compute(0, 1.4 * 1024 * 1024, 3, Unit.BYTES);
        assertThat(bytes.labels()).containsExactly("0 B", "512 KiB", "1.0 MiB", "1.5 MiB");
    }

    @Test
    void rejectsNonPositiveStep() {
        assertThatThrownBy(() -> NiceTicks.niceStep(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endsApartByRoundingAloneStillGiveAnAxis() {
        // seen in a weekly report: one p95 of 0.095 s and its neighbour 0.09500000000000001 crashed the chart
        for (Unit unit : new Unit[] {Unit.NONE, Unit.SECONDS}) {
            NiceTicks.Ticks t = NiceTicks.compute(0.095, Math.nextUp(0.095), 6, unit);
            assertThat(t.max()).as("%s", unit).isGreaterThan(t.min());
            assertThat(t.min()).isLessThanOrEqualTo(0.095);
            assertThat(t.max()).isGreaterThanOrEqualTo(Math.nextUp(0.095));
        }
    }
}
