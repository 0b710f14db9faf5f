package io.vigia.persistence.series;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A chunk of one series' samples, compressed as in Facebook's Gorilla paper and Prometheus's XOR
 * chunks: timestamps as delta-of-delta in variable bit widths, values XORed with their predecessor
 * and stored as the meaningful bits only. The timestamp buckets are 7/14/20/64 bits: Prometheus
 * uses 14/17/20, but millisecond scrape jitter of a few ms is the common case, and 7 bits hold it
 * in 9 bits where Prometheus spends 16. Every double round-trips bit-exactly, NaN payloads (the
 * staleness marker) included.
 *
 * <p>Chunks are built by {@link ChunkAppender}, which also decides where one ends.
 *
 * <p>Written by hand: the codec is a page of code, and no maintained Java library offers this
 * format over plain byte arrays. Layout: sample count (int), first timestamp (long), first value
 * (raw long bits), then a bit stream.
 */
final class XorChunk {
    static final int HEADER = 4 + 8 + 8;

    private XorChunk() {
    }

    /** Encodes samples {@code [from, to)} as one chunk, however large; timestamps must be strictly increasing. */
    static byte[] encode(long[] ts, double[] vs, int from, int to) {
        if (to - from <= 0) {
            throw new IllegalArgumentException("empty chunk");
        }
        ChunkAppender a = new ChunkAppender();
        for (int i = from; i < to; i++) {
            a.append(ts[i], vs[i]);
        }
        return a.toBytes();
    }

    /** One stored chunk with the columns of its row. */
    record Encoded(long minT, long maxT, int samples, byte[] data) {
    }

    /** Encodes samples {@code [from, to)} as consecutive chunks, each cut when it is {@linkplain ChunkAppender#full full}. */
    static List<Encoded> encodeCut(long[] ts, double[] vs, int from, int to) {
        List<Encoded> out = new ArrayList<>();
        ChunkAppender a = new ChunkAppender();
        for (int i = from; i < to; i++) {
            a.append(ts[i], vs[i]);
            if (a.full()) {
                out.add(new Encoded(a.minT(), a.maxT(), a.count(), a.toBytes()));
                a = new ChunkAppender();
            }
        }
        if (!a.isEmpty()) {
            out.add(new Encoded(a.minT(), a.maxT(), a.count(), a.toBytes()));
        }
        return out;
    }

    /** The encoder's state after the last sample of a chunk: what {@link ChunkAppender#resume} continues from. */
    record State(long t, long delta, long bits, int leading, int trailing) {
    }

    /** Reads {@code count} samples' bits from {@code r} (on the first body bit) and returns the state after the last. */
    static State scan(byte[] chunk, BitReader r, int count) {
        ByteBuffer head = ByteBuffer.wrap(chunk);
        long t = head.getLong(4);
        long bits = head.getLong(12);
        long delta = 0;
        int leading = -1;
        int trailing = 0;
        for (int i = 1; i < count; i++) {
            delta += readDod(r);
            t += delta;
            if (r.readBit()) {
                if (r.readBit()) {
                    leading = (int) r.read(5);
                    int significant = (int) r.read(6) + 1;
                    trailing = 64 - leading - significant;
                }
                bits ^= r.read(64 - leading - trailing) << trailing;
            }
        }
        return new State(t, delta, bits, leading, trailing);
    }

    static int count(byte[] chunk) {
        return ByteBuffer.wrap(chunk).getInt(0);
    }

    /** Decodes into the arrays at {@code offset}; returns the number of samples written. */
    static int decode(byte[] chunk, long[] ts, double[] vs, int offset) {
        ByteBuffer head = ByteBuffer.wrap(chunk);
        int n = head.getInt(0);
        long t = head.getLong(4);
        long bits = head.getLong(12);
        ts[offset] = t;
        vs[offset] = Double.longBitsToDouble(bits);
        BitReader r = new BitReader(chunk, HEADER);
        long delta = 0;
        int leading = 0;
        int trailing = 0;
        for (int i = 1; i < n; i++) {
            delta += readDod(r);
            t += delta;
            if (r.readBit()) {
                if (r.readBit()) {
                    leading = (int) r.read(5);
                    int significant = (int) r.read(6) + 1;
                    trailing = 64 - leading - significant;
                }
                int significant = 64 - leading - trailing;
                bits ^= r.read(significant) << trailing;
            }
            ts[offset + i] = t;
            vs[offset + i] = Double.longBitsToDouble(bits);
        }
        return n;
    }

    private static long readDod(BitReader r) {
        if (!r.readBit()) {
            return 0;
        } else if (!r.readBit()) {
            return signed(r.read(7), 7);
        } else if (!r.readBit()) {
            return signed(r.read(14), 14);
        } else if (!r.readBit()) {
            return signed(r.read(20), 20);
        }
        return r.read(64);
    }

    private static long signed(long raw, int bits) {
        return (raw << (64 - bits)) >> (64 - bits);
    }
}
