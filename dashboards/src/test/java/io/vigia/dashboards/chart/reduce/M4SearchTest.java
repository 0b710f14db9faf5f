package io.vigia.dashboards.chart.reduce;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The column-end search, from a guess anywhere (good, bad, out of range), against a plain scan. */
class M4SearchTest {
    @Test
    void theGuidedSearchFindsTheSameIndexAsAScanForAnyGuess() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + rnd.nextInt(300);
            long[] ts = new long[n];
            long t = rnd.nextLong(1_000);
            for (int i = 0; i < n; i++) {
                t += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(50); // duplicates and irregular gaps
                ts[i] = t;
            }
            int from = rnd.nextInt(n);
            int to = from + rnd.nextInt(n - from + 1);
            long target = ts[0] - 5 + rnd.nextLong(ts[n - 1] - ts[0] + 10);
            int expected = from;
            while (expected < to && ts[expected] < target) {
                expected++;
            }
            int hint = rnd.nextInt(n + 20) - 10;
            assertThat(M4.firstAtOrAfter(ts, from, to, target, hint))
                    .as("round %d: from %d to %d target %d hint %d", round, from, to, target, hint).isEqualTo(expected);
            assertThat(M4.firstAtOrAfter(ts, from, to, target)).isEqualTo(expected);
        }
    }
}
