package io.vigia.dashboards.analytics;

import java.util.Arrays;

/**
 * Per-bucket counts over buckets given by their upper bounds, as Prometheus {@code le} buckets
 * ({@code upperBounds} strictly increasing; the last may be {@code +Inf}). Bucket {@code i} holds
 * the values in {@code (upperBounds[i-1], upperBounds[i]]}. Prometheus exposes cumulative counts:
 * build those with {@link #fromCumulative}.
 */
public record Histogram(double[] upperBounds, double[] counts) {

    public Histogram {
        if (upperBounds == null || counts == null) {
            throw new IllegalArgumentException("histogram bounds and counts are required");
        }
        if (upperBounds.length == 0) {
            throw new IllegalArgumentException("histogram has no buckets");
        }
        if (upperBounds.length != counts.length) {
            throw new IllegalArgumentException("histogram has " + upperBounds.length + " bounds but "
                    + counts.length + " counts");
        }
        for (int i = 0; i < upperBounds.length; i++) {
            double b = upperBounds[i];
            if (Double.isNaN(b) || b == Double.NEGATIVE_INFINITY
                    || (b == Double.POSITIVE_INFINITY && i != upperBounds.length - 1)) {
                throw new IllegalArgumentException("bucket bound " + i + " is invalid: " + b
                        + " (only the last bound may be +Inf)");
            }
            if (i > 0 && !(b > upperBounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must increase strictly: "
                        + upperBounds[i - 1] + " then " + b);
            }
            double c = counts[i];
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("bucket " + i + " count must be finite and >= 0: " + c);
            }
        }
        upperBounds = upperBounds.clone();
        counts = counts.clone();
    }

    /**
     * From Prometheus cumulative {@code le} counts (each bucket counts everything at or below its
     * bound). A decrease between buckets means the series were not read at the same instant, or a
     * counter reset inside the window: rejected rather than guessed.
     */
    public static Histogram fromCumulative(double[] upperBounds, double[] cumulativeCounts) {
        if (upperBounds == null || cumulativeCounts == null) {
            throw new IllegalArgumentException("histogram bounds and counts are required");
        }
        double[] counts = new double[cumulativeCounts.length];
        double previous = 0;
        for (int i = 0; i < counts.length; i++) {
            double c = cumulativeCounts[i];
            if (c < previous) {
                throw new IllegalArgumentException("cumulative count decreases at bucket " + i + ": "
                        + previous + " then " + c);
            }
            counts[i] = c - previous;
            previous = c;
        }
        return new Histogram(upperBounds, counts);
    }

    @Override
    public double[] upperBounds() {
        return upperBounds.clone();
    }

    @Override
    public double[] counts() {
        return counts.clone();
    }

    public int buckets() {
        return counts.length;
    }

    public double total() {
        double t = 0;
        for (double c : counts) {
            t += c;
        }
        return t;
    }

    /** Whether {@code other} has exactly the same bucket bounds. */
    public boolean sameBuckets(Histogram other) {
        return Arrays.equals(upperBounds, other.upperBounds);
    }

    double count(int i) {
        return counts[i];
    }

    double[] countsView() {
        return counts;
    }

    /**
     * One point per bucket standing for its values, for distances that need positions
     * (Wasserstein-1). The midpoint of the bucket, with the lower bound of the first bucket taken
     * as 0 when its upper bound is positive (latencies and sizes: Prometheus's
     * {@code histogram_quantile} makes the same assumption), else the first bucket sits at its
     * upper bound; the {@code +Inf} bucket sits at the highest finite bound (again as
     * {@code histogram_quantile}, which never returns more than that bound). This is an
     * approximation: the true distance can differ by up to half the widest bucket with mass.
     */
    double[] representativePoints() {
        double[] points = new double[upperBounds.length];
        for (int i = 0; i < points.length; i++) {
            double upper = upperBounds[i];
            double lower = i > 0 ? upperBounds[i - 1] : (upper > 0 ? 0 : upper);
            points[i] = upper == Double.POSITIVE_INFINITY ? lower : (lower + upper) / 2;
        }
        return points;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(upperBounds, h.upperBounds) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(upperBounds) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[upperBounds=" + Arrays.toString(upperBounds) + ", counts=" + Arrays.toString(counts) + "]";
    }
}
