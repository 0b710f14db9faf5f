package io.vigia.persistence.series;

/**
 * One series' samples in a time range: timestamps in milliseconds since the epoch, ascending,
 * and their values (staleness markers included, see {@link StaleMarker}). The arrays are owned
 * by this record; callers must not change them.
 */
public record SeriesData(Labels labels, long[] timestamps, double[] values) {
    public SeriesData {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length");
        }
    }

    public int size() {
        return timestamps.length;
    }
}
