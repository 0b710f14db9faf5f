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

    byte[] toByteArray() {
        byte[] out = Arrays.copyOf(buf, bytes + (accBits > 0 ? 1 : 0));
        if (accBits > 0) {
            out[bytes] = (byte) (acc << (8 - accBits));
        }
        return out;
    }
}
