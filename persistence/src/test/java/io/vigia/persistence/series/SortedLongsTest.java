package io.vigia.persistence.series;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SortedLongsTest {

    @Test
    void boundsAgreeWithALinearScanIncludingDuplicatesAndTheExtremes() {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = r.nextInt(20);
            long[] a = new long[n + 3];
            long v = r.nextInt(5) - 2;
            for (int i = 0; i < n; i++) {
                v += r.nextInt(3);
                a[i] = v;
            }
            for (long t : new long[] {Long.MIN_VALUE, -3, -1, 0, 1, 2, 5, 9, 30, Long.MAX_VALUE}) {
                int lower = 0;
                while (lower < n && a[lower] < t) {
                    lower++;
                }
                int upper = 0;
                while (upper < n && a[upper] <= t) {
                    upper++;
                }
                assertThat(SortedLongs.lowerBound(a, n, t)).as("lower %d", t).isEqualTo(lower);
                assertThat(SortedLongs.upperBound(a, n, t)).as("upper %d", t).isEqualTo(upper);
            }
        }
        assertThat(SortedLongs.upperBound(new long[] {1, Long.MAX_VALUE}, Long.MAX_VALUE)).isEqualTo(2);
    }
}
