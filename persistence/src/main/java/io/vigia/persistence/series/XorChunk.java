package io.vigia.persistence.series;

import java.nio.ByteBuffer;

/**
 * A chunk of one series' samples, compressed as in Facebook's Gorilla paper and Prometheus's XOR
 * chunks: timestamps as delta-of-delta in variable bit widths, values XORed with their predecessor
 * and stored as the meaningful bits only. The timestamp buckets are 7/14/20/64 bits: Prometheus
 * uses 14/17/20, but millisecond scrape jitter of a few ms is the common case, and 7 bits hold it
 * in 9 bits where Prometheus spends 16. Every double round-trips bit-exactly, NaN payloads (the
 * staleness marker) included.
 *
 * <p>Written by hand: the codec is a page of code, and no maintained Java library offers this
 * format over plain byte arrays. Layout: sample count (int), first timestamp (long), first value
 * (raw long bits), then a bit stream.
 */
final class XorChunk {
    static final int HEADER = 4 + 8 + 8;

    private XorChunk() {
    }

    /** Encodes samples {@code [from, to)}; timestamps must be strictly increasing. */
    static byte[] encode(long[] ts, double[] vs, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            throw new IllegalArgumentException("empty chunk");
        }
        BitWriter w = new BitWriter(n * 2);
        long prevT = ts[from];
        long prevDelta = 0;
        long prevBits = Double.doubleToRawLongBits(vs[from]);
        int leading = -1;
        int trailing = 0;
        for (int i = from + 1; i < to; i++) {
            long t = ts[i];
            long delta = t - prevT;
            if (delta <= 0) {
                throw new IllegalArgumentException("timestamps must increase: " + prevT + " then " + t);
            }
            long dod = delta - prevDelta;
            if (dod == 0) {
                w.writeBit(false);
            } else if (fits(dod, 7)) {
                w.write(0b10, 2);
                w.write(dod, 7);
            } else if (fits(dod, 14)) {
                w.write(0b110, 3);
                w.write(dod, 14);
            } else if (fits(dod, 20)) {
                w.write(0b1110, 4);
                w.write(dod, 20);
            } else {
                w.write(0b1111, 4);
                w.write(dod, 64);
            }
            prevDelta = delta;
            prevT = t;

            long bits = Double.doubleToRawLongBits(vs[i]);
            long xor = bits ^ prevBits;
            if (xor == 0) {
                w.writeBit(false);
            } else {
                w.writeBit(true);
                int lz = Math.min(Long.numberOfLeadingZeros(xor), 31);
                int tz = Long.numberOfTrailingZeros(xor);
                if (leading >= 0 && lz >= leading && tz >= trailing) {
                    w.writeBit(false);
                    w.write(xor >>> trailing, 64 - leading - trailing);
                } else {
                    leading = lz;
                    trailing = tz;
                    int significant = 64 - leading - trailing;
                    w.writeBit(true);
                    w.write(leading, 5);
                    w.write(significant - 1, 6); // 1..64 stored as 0..63
                    w.write(xor >>> trailing, significant);
                }
            }
            prevBits = bits;
        }
        byte[] body = w.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(HEADER + body.length);
        out.putInt(n).putLong(ts[from]).putLong(Double.doubleToRawLongBits(vs[from])).put(body);
        return out.array();
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
            long dod;
            if (!r.readBit()) {
                dod = 0;
            } else if (!r.readBit()) {
                dod = signed(r.read(7), 7);
            } else if (!r.readBit()) {
                dod = signed(r.read(14), 14);
            } else if (!r.readBit()) {
                dod = signed(r.read(20), 20);
            } else {
                dod = r.read(64);
            }
            delta += dod;
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

    private static boolean fits(long v, int bits) {
        long min = -(1L << (bits - 1));
        long max = (1L << (bits - 1)) - 1;
        return v >= min && v <= max;
    }

    private static long signed(long raw, int bits) {
        return (raw << (64 - bits)) >> (64 - bits);
    }
}
