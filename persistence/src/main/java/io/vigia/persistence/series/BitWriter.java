package io.vigia.persistence.series;

import java.util.Arrays;

/**
 * Appends bits, most significant first, to a growing byte array. Bits gather in a 64-bit
 * accumulator and go out a byte at a time, so writing a 14-bit field costs a few shifts, not
 * fourteen branches.
 */
final class BitWriter {
    private byte[] buf;
    private int bytes;
    private long acc;
    private int accBits;

    BitWriter(int initialBytes) {
        buf = new byte[Math.max(16, initialBytes)];
    }

    /** A writer holding the first {@code bits} bits of {@code src} from byte {@code offset}, to write on after them. */
    static BitWriter of(byte[] src, int offset, int bits) {
        BitWriter w = new BitWriter(Math.max(256, (bits >> 3) + 64));
        int whole = bits >> 3;
        System.arraycopy(src, offset, w.buf, 0, whole);
        w.bytes = whole;
        int rest = bits & 7;
        if (rest > 0) {
            w.acc = (src[offset + whole] & 0xFF) >>> (8 - rest);
            w.accBits = rest;
        }
        return w;
    }

    void write(long value, int count) {
        if (count > 32) {
            write(value >>> 32, count - 32);
            write(value & 0xFFFFFFFFL, 32);
            return;
        }
        long v = count == 64 ? value : value & ((1L << count) - 1);
        acc = (acc << count) | v;
        accBits += count;
        while (accBits >= 8) {
            accBits -= 8;
            put((byte) (acc >>> accBits));
        }
    }

    void writeBit(boolean bit) {
        write(bit ? 1 : 0, 1);
    }

    private void put(byte b) {
        if (bytes == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[bytes++] = b;
    }

    /** Bytes written so far, the last partial byte included. */
    int byteLength() {
        return bytes + (accBits > 0 ? 1 : 0);
    }

    byte[] toByteArray() {
        byte[] out = Arrays.copyOf(buf, byteLength());
        if (accBits > 0) {
            out[bytes] = (byte) (acc << (8 - accBits));
        }
        return out;
    }
}
