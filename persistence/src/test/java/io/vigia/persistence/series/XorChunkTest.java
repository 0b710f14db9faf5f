package io.vigia.persistence.series;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XorChunkTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20261123})
    void randomSeriesRoundTripBitExactly(long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(300);
        long[] ts = new long[n];
        double[] vs = new double[n];
        long t = r.nextLong(0, 2_000_000_000_000L);
        for (int i = 0; i < n; i++) {
            t += switch (r.nextInt(4)) {
                case 0 -> 15_000;
                case 1 -> 1 + r.nextInt(100);
                case 2 -> r.nextInt(10_000_000);
                default -> 1L + r.nextLong(1L << 40);
            } + (i == 0 ? 0 : 1);
            ts[i] = t;
            vs[i] = switch (r.nextInt(6)) {
                case 0 -> r.nextGaussian() * 1e6;
                case 1 -> i == 0 ? 0 : vs[i - 1];
                case 2 -> Math.floor(r.nextDouble() * 1000);
                case 3 -> Double.longBitsToDouble(r.nextLong());
                case 4 -> StaleMarker.VALUE;
                default -> r.nextInt(3) - 1.0;
            };
        }
        byte[] chunk = XorChunk.encode(ts, vs, 0, n);
        long[] t2 = new long[n];
        double[] v2 = new double[n];
        assertThat(XorChunk.decode(chunk, t2, v2, 0)).isEqualTo(n);
        assertThat(t2).containsExactly(ts);
        for (int i = 0; i < n; i++) {
            assertThat(Double.doubleToRawLongBits(v2[i])).as("value %d", i).isEqualTo(Double.doubleToRawLongBits(vs[i]));
        }
    }

    @Test
    void specialValuesKeepTheirBits() {
        double[] vs = {0.0, -0.0, Double.NaN, StaleMarker.VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Double.MAX_VALUE, Double.longBitsToDouble(0x7ff8dead0000beefL)};
        long[] ts = new long[vs.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 1_700_000_000_000L + i * 15_000L;
        }
        long[] t2 = new long[vs.length];
        double[] v2 = new double[vs.length];
        XorChunk.decode(XorChunk.encode(ts, vs, 0, vs.length), t2, v2, 0);
        for (int i = 0; i < vs.length; i++) {
            assertThat(Double.doubleToRawLongBits(v2[i])).isEqualTo(Double.doubleToRawLongBits(vs[i]));
        }
        assertThat(StaleMarker.isStale(v2[3])).isTrue();
        assertThat(StaleMarker.isStale(v2[2])).isFalse();
    }

    @ParameterizedTest(name = "jitter {0} ms")
    @ValueSource(ints = {0, 1, 5})
    void aScrapedCounterCompressesToAFewBytesASample(int jitterMs) {
        int n = 120;
        long[] ts = new long[n];
        double[] vs = new double[n];
        Random r = new Random(7);
        double v = 1000;
        for (int i = 0; i < n; i++) {
            ts[i] = 1_700_000_000_000L + i * 15_000L + (jitterMs == 0 ? 0 : r.nextInt(2 * jitterMs + 1) - jitterMs);
            v += r.nextInt(5);
            vs[i] = v;
        }
        double perSample = XorChunk.encode(ts, vs, 0, n).length / (double) n;
        // measured with this seed: see the log line; the bound guards against a regression
        System.out.printf("xor chunk: counter with %d ms jitter: %.2f bytes/sample%n", jitterMs, perSample);
        assertThat(perSample).isLessThan(jitterMs == 0 ? 2.0 : 3.0);
    }

    @Test
    void timestampsThatDoNotIncreaseAreRefused() {
        assertThatThrownBy(() -> XorChunk.encode(new long[] {5, 5}, new double[] {1, 2}, 0, 2))
                .hasMessageContaining("timestamps must increase");
    }
}
