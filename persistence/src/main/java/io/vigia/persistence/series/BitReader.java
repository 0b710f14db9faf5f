package io.vigia.persistence.series;

/** Reads bits, most significant first, from a byte array written by {@link BitWriter}, a byte at a time. */
final class BitReader {
    private final byte[] buf;
    private int next;
    private long acc;
    private int accBits;

    BitReader(byte[] buf, int startByte) {
        this.buf = buf;
        this.next = startByte;
    }

    /** Bits consumed so far, counted from the start of the array. */
    int bitPosition() {
        return next * 8 - accBits;
    }

    boolean readBit() {
        return read(1) != 0;
    }

    long read(int count) {
        if (count > 32) {
            long hi = read(count - 32);
            return (hi << 32) | read(32);
        }
        while (accBits < count) {
            if (next >= buf.length) {
                throw new IllegalStateException("chunk ends early: damaged data");
            }
            acc = (acc << 8) | (buf[next++] & 0xFF);
            accBits += 8;
        }
        accBits -= count;
        return (acc >>> accBits) & ((1L << count) - 1);
    }
}
