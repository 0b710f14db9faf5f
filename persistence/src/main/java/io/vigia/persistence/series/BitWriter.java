package io.vigia.persistence.series;

import java.util.Arrays;

/** Appends bits, most significant first, to a growing byte array. */
final class BitWriter {
    private byte[] buf;
    private long bits;

    BitWriter(int initialBytes) {
        buf = new byte[Math.max(16, initialBytes)];
    }

    void write(long value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            writeBit(((value >>> i) & 1) != 0);
        }
    }

    void writeBit(boolean bit) {
        int byteIndex = (int) (bits >>> 3);
        if (byteIndex >= buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        if (bit) {
            buf[byteIndex] |= (byte) (0x80 >>> (bits & 7));
        }
        bits++;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, (int) ((bits + 7) >>> 3));
    }
}
