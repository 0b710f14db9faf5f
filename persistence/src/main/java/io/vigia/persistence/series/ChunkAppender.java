package io.vigia.persistence.series;

import java.nio.ByteBuffer;

/**
 * Builds one {@link XorChunk} sample by sample, and says when it is full. A chunk is cut by its
 * size in bytes rather than by a fixed number of samples: noisy values take about 8 bytes a
 * sample and smooth ones 1 to 3, and a fixed count (Prometheus's 120) leaves the row of a noisy
 * chunk at 800 to 1,100 bytes, where SQLite's 4 KiB pages hold three or four of them and waste the
 * rest. Cut at {@link #TARGET_BYTES}, a chunk's row fills one page almost exactly and stays below
 * the page's local payload limit, so it never spills into an overflow page.
 *
 * <p>A partial chunk written at a commit is {@linkplain #resume resumed} from its bytes, so
 * appending to it later costs one decode, not a re-encode of every sample.
 */
final class ChunkAppender {
    /**
     * Largest chunk, header included. A 4,096-byte table leaf page keeps a row locally up to a
     * payload of 4,061 bytes (SQLite file format, "B-tree Pages": U - 35). The rest of the row's
     * payload is at most 26 bytes: an 8-byte record header (its size, a NULL for the row id, four
     * integer types and the blob's 2-byte type) and the series id (up to 3 bytes below 2^23),
     * min_t and max_t (6 bytes each for epoch milliseconds) and the sample count (2 bytes).
     */
    static final int TARGET_BYTES = 4_035;
    /** The most bytes one sample can add: a 64-bit timestamp delta and a new 64-bit value window. */
    static final int MAX_SAMPLE_BYTES = (4 + 64 + 2 + 11 + 64 + 7) / 8;
    /** Samples per chunk at most, so that a constant series still ends a chunk every ~1.4 days at 15 s. */
    static final int MAX_SAMPLES = 8_192;

    /**
     * Bits a value may waste in the previous window before a new one is written. Gorilla reuses a
     * window whenever the value fits, so in a long chunk of noisy values the window widens once
     * and then costs several zero bits on every later value; a new window costs 11 bits. The new
     * window starts one bit wider than the value needs, because the next value's leading zeros
     * often come one short. Both choices only change which of the format's two value forms the
     * encoder picks: chunks stay readable by the same decoder. On random-walk values cut at about
     * 4 KB they save about 1.7 bits a sample (measured on the storage benchmark's noisy data).
     */
    private static final int MAX_WINDOW_WASTE = 11;

    private final BitWriter w;
    private int n;
    private long firstT;
    private long firstBits;
    private long prevT;
    private long prevDelta;
    private long prevBits;
    private int leading = -1;
    private int trailing;

    ChunkAppender() {
        this(new BitWriter(256));
    }

    private ChunkAppender(BitWriter w) {
        this.w = w;
    }

    /** An appender that continues {@code chunk} (a chunk written earlier, possibly by an older build). */
    static ChunkAppender resume(byte[] chunk) {
        ByteBuffer head = ByteBuffer.wrap(chunk);
        int count = head.getInt(0);
        BitReader r = new BitReader(chunk, XorChunk.HEADER);
        XorChunk.State s = XorChunk.scan(chunk, r, count);
        int bodyBits = r.bitPosition() - XorChunk.HEADER * 8;
        BitWriter w = BitWriter.of(chunk, XorChunk.HEADER, bodyBits);
        ChunkAppender a = new ChunkAppender(w);
        a.n = count;
        a.firstT = head.getLong(4);
        a.firstBits = head.getLong(12);
        a.prevT = s.t();
        a.prevDelta = s.delta();
        a.prevBits = s.bits();
        a.leading = s.leading();
        a.trailing = s.trailing();
        return a;
    }

    /** Appends a sample; {@code t} must be after the last one. */
    void append(long t, double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (n == 0) {
            firstT = t;
            firstBits = bits;
            prevT = t;
            prevBits = bits;
            n = 1;
            return;
        }
        long delta = t - prevT;
        if (delta <= 0) {
            throw new IllegalArgumentException("timestamps must increase: " + prevT + " then " + t);
        }
        long dod = delta - prevDelta;
        if (dod == 0) {
            w.write(0, 1);
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
        long xor = bits ^ prevBits;
        if (xor == 0) {
            w.write(0, 1);
        } else {
            int lz = Math.min(Long.numberOfLeadingZeros(xor), 31);
            int tz = Long.numberOfTrailingZeros(xor);
            if (leading >= 0 && lz >= leading && tz >= trailing && (lz - leading) + (tz - trailing) <= MAX_WINDOW_WASTE) {
                w.write(0b10, 2);
                w.write(xor >>> trailing, 64 - leading - trailing);
            } else {
                leading = Math.max(0, lz - 1);
                trailing = tz;
                int significant = 64 - leading - trailing;
                w.write(0b11, 2);
                w.write(leading, 5);
                w.write(significant - 1, 6); // 1..64 stored as 0..63
                w.write(xor >>> trailing, significant);
            }
        }
        prevBits = bits;
        n++;
    }

    /** Whether the next sample might not fit: then the chunk is written as it is and a new one begins. */
    boolean full() {
        return isFull(n, size());
    }

    /** The same rule for a stored chunk, so that a chunk cut earlier is not reopened. */
    static boolean isFull(int samples, int bytes) {
        return samples >= MAX_SAMPLES || bytes > TARGET_BYTES - MAX_SAMPLE_BYTES;
    }

    int size() {
        return XorChunk.HEADER + w.byteLength();
    }

    int count() {
        return n;
    }

    boolean isEmpty() {
        return n == 0;
    }

    long minT() {
        return firstT;
    }

    long maxT() {
        return prevT;
    }

    long lastBits() {
        return prevBits;
    }

    /** The chunk as it stands; appending may go on afterwards. */
    byte[] toBytes() {
        if (n == 0) {
            throw new IllegalStateException("empty chunk");
        }
        byte[] body = w.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(XorChunk.HEADER + body.length);
        out.putInt(n).putLong(firstT).putLong(firstBits).put(body);
        return out.array();
    }

    private static boolean fits(long v, int bits) {
        long min = -(1L << (bits - 1));
        long max = (1L << (bits - 1)) - 1;
        return v >= min && v <= max;
    }
}
