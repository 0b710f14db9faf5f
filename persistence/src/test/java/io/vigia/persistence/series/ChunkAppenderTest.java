package io.vigia.persistence.series;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkAppenderTest {
    /** Scrape-like timestamps and values of one kind: noisy doubles, small integer steps, or constants. */
    private static void fill(long seed, long[] ts, double[] vs) {
        Random r = new Random(seed);
        int kind = (int) (seed % 3);
        long t = 1_700_000_000_000L;
        double v = 100;
        for (int i = 0; i < ts.length; i++) {
            t += 15_000 + r.nextInt(5);
            ts[i] = t;
            v = switch (kind) {
                case 0 -> v + r.nextDouble() * 15;
                case 1 -> v + r.nextInt(30);
                default -> v;
            };
            vs[i] = i % 997 == 500 ? StaleMarker.VALUE : v;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5})
    void aResumedChunkContinuesExactlyAsIfItHadNeverStopped(long seed) {
        int n = 700;
        long[] ts = new long[n];
        double[] vs = new double[n];
        fill(seed, ts, vs);
        byte[] whole = XorChunk.encode(ts, vs, 0, n);
        for (int stop : new int[] {1, 2, 3, 17, 350, 699}) {
            ChunkAppender a = ChunkAppender.resume(XorChunk.encode(ts, vs, 0, stop));
            assertThat(a.count()).isEqualTo(stop);
            assertThat(a.maxT()).isEqualTo(ts[stop - 1]);
            assertThat(a.lastBits()).isEqualTo(Double.doubleToRawLongBits(vs[stop - 1]));
            for (int i = stop; i < n; i++) {
                a.append(ts[i], vs[i]);
            }
            assertThat(a.toBytes()).as("resumed after %d samples", stop).isEqualTo(whole);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 6, 7, 8})
    void chunksAreCutBySizeBelowTheTargetAndRoundTrip(long seed) {
        int n = 40_000;
        long[] ts = new long[n];
        double[] vs = new double[n];
        fill(seed, ts, vs);
        List<XorChunk.Encoded> chunks = XorChunk.encodeCut(ts, vs, 0, n);
        assertThat(chunks).hasSizeGreaterThan(1);
        int at = 0;
        long[] t2 = new long[ChunkAppender.MAX_SAMPLES];
        double[] v2 = new double[ChunkAppender.MAX_SAMPLES];
        for (int k = 0; k < chunks.size(); k++) {
            XorChunk.Encoded c = chunks.get(k);
            assertThat(c.data().length).isLessThanOrEqualTo(ChunkAppender.TARGET_BYTES);
            if (k < chunks.size() - 1) {
                assertThat(ChunkAppender.isFull(c.samples(), c.data().length)).isTrue();
            }
            assertThat(XorChunk.decode(c.data(), t2, v2, 0)).isEqualTo(c.samples());
            assertThat(c.minT()).isEqualTo(ts[at]);
            assertThat(c.maxT()).isEqualTo(ts[at + c.samples() - 1]);
            for (int i = 0; i < c.samples(); i++, at++) {
                assertThat(t2[i]).isEqualTo(ts[at]);
                assertThat(Double.doubleToRawLongBits(v2[i])).isEqualTo(Double.doubleToRawLongBits(vs[at]));
            }
        }
        assertThat(at).isEqualTo(n);
    }

    @Test
    void noisyChunksFillMostOfTheTargetAndConstantOnesStopAtTheSampleLimit() {
        int n = 20_000;
        long[] ts = new long[n];
        double[] vs = new double[n];
        fill(0, ts, vs);
        XorChunk.Encoded noisy = XorChunk.encodeCut(ts, vs, 0, n).getFirst();
        assertThat(noisy.data().length).isGreaterThan(ChunkAppender.TARGET_BYTES - ChunkAppender.MAX_SAMPLE_BYTES);
        fill(2, ts, vs);
        for (int i = 0; i < n; i++) {
            ts[i] = 1_700_000_000_000L + i * 15_000L; // no jitter: two bits a sample
        }
        XorChunk.Encoded constant = XorChunk.encodeCut(ts, vs, 0, n).getFirst();
        assertThat(constant.samples()).isEqualTo(ChunkAppender.MAX_SAMPLES);
    }
}
