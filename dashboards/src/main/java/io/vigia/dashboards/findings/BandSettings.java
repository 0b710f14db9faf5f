package io.vigia.dashboards.findings;

import java.time.Duration;

/**
 * How a seasonal band is drawn and when leaving it counts (docs/statistics.md, "Anomaly bands").
 *
 * @param weeksBack   earlier weeks the baseline looks at (the same time of the week)
 * @param neighbours  steps either side of that time also taken, so a baseline has
 *                    {@code weeksBack × (2 neighbours + 1)} values at most
 * @param minWeeks    weeks that must have data for a band to exist at a step
 * @param k           half-width of the band in robust standard deviations (1.4826 × MAD)
 * @param minRelative the band is never narrower than this share of the median either side: a
 *                    change smaller than this is not a finding however steady the series
 * @param minAbsolute nor narrower than this, in the series' unit (for series whose usual value is 0)
 * @param minDuration how long a series must stay outside to be a finding
 * @param mergeGap    two excursions on the same side closer than this are one
 */
public record BandSettings(int weeksBack, int neighbours, int minWeeks, double k, double minRelative, double minAbsolute,
                           Duration minDuration, Duration mergeGap) {
    /** Robust standard deviation of a normal sample from its median absolute deviation. */
    public static final double MAD_SCALE = 1.4826;

    public BandSettings {
        if (weeksBack < 1 || neighbours < 0 || minWeeks < 1 || minWeeks > weeksBack) {
            throw new IllegalArgumentException("need 1 <= minWeeks <= weeksBack and neighbours >= 0");
        }
        if (!(k > 0) || !(minRelative >= 0) || !(minAbsolute >= 0) || minDuration.isNegative() || mergeGap.isNegative()) {
            throw new IllegalArgumentException("band widths and durations must be positive");
        }
    }

    /** 4 weeks back, ±2 steps, 2 weeks needed, 4 robust sd, at least 25% and 45 minutes outside. */
    public static BandSettings defaults() {
        return new BandSettings(4, 2, 2, 4, 0.25, 0, Duration.ofMinutes(45), Duration.ofMinutes(30));
    }

    public BandSettings withMinRelative(double r) {
        return new BandSettings(weeksBack, neighbours, minWeeks, k, r, minAbsolute, minDuration, mergeGap);
    }

    public BandSettings withMinAbsolute(double a) {
        return new BandSettings(weeksBack, neighbours, minWeeks, k, minRelative, a, minDuration, mergeGap);
    }

    public BandSettings withMergeGap(Duration g) {
        return new BandSettings(weeksBack, neighbours, minWeeks, k, minRelative, minAbsolute, minDuration, g);
    }

    public BandSettings withMinDuration(Duration d) {
        return new BandSettings(weeksBack, neighbours, minWeeks, k, minRelative, minAbsolute, d, mergeGap);
    }
}
