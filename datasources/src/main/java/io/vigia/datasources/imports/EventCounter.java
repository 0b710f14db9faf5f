package io.vigia.datasources.imports;

/**
 * A counter series rebuilt from event times: what a scrape every {@code step} would have seen.
 * One sample per step from the start of the step holding the first event (value 0, so that
 * {@code increase()} counts the first event) to the end of the step holding the last, each the
 * number of events before it. Importers that keep their events write this instead of adding to
 * a counter, so that importing again, or an older file after a newer one, gives the same series.
 */
public record EventCounter(long[] timestamps, double[] values) {

    /** @param sortedEventTimes ascending event times in ms; {@code step} in ms, positive */
    public static EventCounter of(long[] sortedEventTimes, long stepMs) {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive");
        }
        if (sortedEventTimes.length == 0) {
            return new EventCounter(new long[0], new double[0]);
        }
        long start = Math.floorDiv(sortedEventTimes[0], stepMs) * stepMs;
        long end = Math.floorDiv(sortedEventTimes[sortedEventTimes.length - 1], stepMs) * stepMs + stepMs;
        int n = Math.toIntExact((end - start) / stepMs + 1);
        long[] ts = new long[n];
        double[] vs = new double[n];
        int e = 0;
        for (int i = 0; i < n; i++) {
            long t = start + i * stepMs;
            while (e < sortedEventTimes.length && sortedEventTimes[e] < t) {
                e++;
            }
            ts[i] = t;
            vs[i] = e;
        }
        return new EventCounter(ts, vs);
    }
}
