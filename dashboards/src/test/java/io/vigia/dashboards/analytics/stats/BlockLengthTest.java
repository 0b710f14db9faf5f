package io.vigia.dashboards.analytics.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Against arch's optimal_block_length, transcribed in reference_stats.py (numpy 2.4.6). */
class BlockLengthTest {

    @Test
    void matchesArchOnWhiteNoiseAndAutocorrelatedSeries() {
        // white noise lcg(3, 500) -> 0.5582545241787816 (rounded up to blocks of 1 point)
        assertThat(BlockLength.circular(StatsReference.lcg(3, 500))).isCloseTo(0.5582545241787816, within(1e-9));
        assertThat(BlockLength.blockOf(StatsReference.lcg(3, 500))).isEqualTo(1);
        // ar1(5, 400, 0.8) -> 16.786276301166723
        assertThat(BlockLength.circular(StatsReference.ar1(5, 400, 0.8))).isCloseTo(16.786276301166723, within(1e-9));
        assertThat(BlockLength.blockOf(StatsReference.ar1(5, 400, 0.8))).isEqualTo(17);
        // ar1(6, 120, 0.95) -> 13.397930413661788
        assertThat(BlockLength.circular(StatsReference.ar1(6, 120, 0.95))).isCloseTo(13.397930413661788, within(1e-9));
        // ar1(7, 60, 0.5) -> 1.7376080424249538
        assertThat(BlockLength.circular(StatsReference.ar1(7, 60, 0.5))).isCloseTo(1.7376080424249538, within(1e-9));
    }

    @Test
    void degenerateSeriesGetBlocksOfOne() {
        assertThat(BlockLength.circular(new double[] {5, 5, 5, 5, 5, 5})).isEqualTo(1);
        assertThat(BlockLength.circular(new double[] {1, 2})).isEqualTo(1);
        assertThat(BlockLength.blockOf(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})).isBetween(1, 12);
    }
}
