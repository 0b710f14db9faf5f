package io.vigia.bench;

/**
 * What the equal-terms query benchmark stores: {@code series} series scraped every 15 s for
 * {@code days} days, half of them request counters, four tenths classic histogram buckets (ten
 * per histogram) and one tenth gauges; {@code seed} fixes every random step.
 *
 * @param series a multiple of 50, so that the three kinds divide it evenly
 */
record FleetData(int series, int days, long seed) {
    static final long INTERVAL_MS = 15_000;
    /** 2023-11-14T22:13:20Z: the data lies in the past, as a backfill does. */
    static final long START_MS = 1_700_000_000_000L;
    static final int SERVICES = 10;
    static final int BUCKETS_PER_HISTOGRAM = 10;

    FleetData {
        if (series <= 0 || series % 50 != 0 || days <= 0) {
            throw new IllegalArgumentException("series must be a positive multiple of 50 and days positive: " + series + ", " + days);
        }
    }

    /** The size: a week of 1,000 series at 15 s, 40.3 million samples. */
    static FleetData week() {
        return new FleetData(1_000, 7, 18);
    }

    /** A smoke run's size: a day of 200 series, 1.15 million samples. */
    static FleetData smoke() {
        return new FleetData(200, 1, 18);
    }

    int counters() {
        return series / 2;
    }

    int histograms() {
        return series / 25;
    }

    int gauges() {
        return series / 10;
    }

    int samplesPerSeries() {
        return (int) (days * 86_400_000L / INTERVAL_MS);
    }

    long samples() {
        return (long) series * samplesPerSeries();
    }

    long endMs() {
        return START_MS + days * 86_400_000L;
    }

    /** Names the cached data set; a change to the generator must change {@code v}. */
    String key() {
        return "fleet-v2-" + series + "series-" + days + "d-seed" + seed;
    }
}
