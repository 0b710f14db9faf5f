package io.vigia.dashboards.chart.data;

import java.util.List;

/**
 * The usual bands a time series panel draws behind its series (a seasonal baseline: the same time
 * in the weeks before), each for the series of the same name, and a short note the chart shows
 * when there is something to say (no band for want of history, a band for part of the range
 * only). {@link #NONE}: the panel does not ask for bands.
 */
public record BaselineBands(List<SeriesBand> bands, String note) {
    public static final BaselineBands NONE = new BaselineBands(List.of(), "");

    public BaselineBands {
        bands = List.copyOf(bands);
        note = note == null ? "" : note;
    }

    /** Only a note: no band to draw, and why. */
    public static BaselineBands note(String why) {
        return new BaselineBands(List.of(), why);
    }

    public boolean isEmpty() {
        return bands.isEmpty() && note.isEmpty();
    }

    /**
     * The band of one series on its own step grid (ascending {@code ts}): {@code lower}..{@code upper}
     * around {@code median}, NaN where there is no band. Arrays are owned by the record.
     */
    public record SeriesBand(String series, long[] ts, double[] lower, double[] median, double[] upper) {
        public SeriesBand {
            if (series == null) {
                throw new IllegalArgumentException("a band names its series");
            }
            int n = ts.length;
            if (lower.length != n || median.length != n || upper.length != n) {
                throw new IllegalArgumentException("band arrays differ in length");
            }
        }
    }
}
