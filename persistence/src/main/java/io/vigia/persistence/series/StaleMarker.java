package io.vigia.persistence.series;

/**
 * Prometheus's staleness marker: a NaN with a payload that no arithmetic produces. Stored like a
 * sample; readers must compare bits, never values (every NaN compares unequal).
 */
public final class StaleMarker {
    public static final long BITS = 0x7ff0000000000002L;
    public static final double VALUE = Double.longBitsToDouble(BITS);

    private StaleMarker() {
    }

    public static boolean isStale(double v) {
        return Double.doubleToRawLongBits(v) == BITS;
    }
}
