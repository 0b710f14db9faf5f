package io.vigia.persistence.series;

/**
 * One series' samples in a time range: timestamps in milliseconds since the epoch, ascending,
 * and their values (staleness markers included, see {@link StaleMarker}). {@code startTimestamps}
 * are the samples' start timestamps (OpenTelemetry/Prometheus "created" times, 0 where unknown) when
 * the store carries them, else null; the SQLite store does not. The arrays are owned by this
 * record; callers must not change them.
 */
public record SeriesData(Labels labels, long[] timestamps, double[] values, long[] startTimestamps) {
    public SeriesData {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length");
        }
        if (startTimestamps != null && startTimestamps.length != timestamps.length) {
            throw new IllegalArgumentException("start timestamps and timestamps differ in length");
        }
    }

    /** Samples without start timestamps. */
    public SeriesData(Labels labels, long[] timestamps, double[] values) {
        this(labels, timestamps, values, null);
    }

    public int size() {
        return timestamps.length;
    }
}
