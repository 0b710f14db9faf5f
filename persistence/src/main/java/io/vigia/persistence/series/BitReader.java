package io.vigia.persistence.series;

/** Reads bits, most significant first, from a byte array written by {@link BitWriter}. */
final class BitReader {
    private final byte[] buf;
    private long pos;

    BitReader(byte[] buf, int startByte) {
        this.buf = buf;
        this.pos = (long) startByte * 8;
    }

    boolean readBit() {
        int byteIndex = (int) (pos >>> 3);
        if (byteIndex >= buf.length) {
            throw new IllegalStateException("chunk ends early: damaged data");
        }
        boolean bit = (buf[byteIndex] & (0x80 >>> (pos & 7))) != 0;
        pos++;
        return bit;
    }

    long read(int count) {
        long v = 0;
        for (int i = 0; i < count; i++) {
            v = (v << 1) | (readBit() ? 1 : 0);
        }
        return v;
    }
}
