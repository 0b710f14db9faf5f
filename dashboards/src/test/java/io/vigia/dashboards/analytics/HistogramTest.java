package io.vigia.dashboards.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistogramTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void cumulativePrometheusBucketsBecomePerBucketCounts() {
        Histogram h = Histogram.fromCumulative(new double[] {0.1, 0.5, 1, INF}, new double[] {3, 10, 12, 15});
        assertThat(h.counts()).containsExactly(3, 7, 2, 3);
        assertThat(h.total()).isEqualTo(15);
    }

    @Test
    void decreasingCumulativeCountsAreRejected() {
        assertThatThrownBy(() -> Histogram.fromCumulative(new double[] {1, 2, INF}, new double[] {5, 4, 6}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decreases at bucket 1");
    }

    @Test
    void invalidBucketsAreRejected() {
        assertThatThrownBy(() -> new Histogram(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no buckets");
        assertThatThrownBy(() -> new Histogram(new double[] {1, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increase strictly");
        assertThatThrownBy(() -> new Histogram(new double[] {INF, 2}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only the last");
        assertThatThrownBy(() -> new Histogram(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 bounds but 1 counts");
        assertThatThrownBy(() -> new Histogram(new double[] {1, 2}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    }

    @Test
    void representativePointsFollowHistogramQuantileAssumptions() {
        // first bucket starts at 0 when its bound is positive; +Inf sits at the last finite bound
        assertThat(new Histogram(new double[] {1, 3, INF}, new double[] {1, 1, 1}).representativePoints())
                .containsExactly(0.5, 2, 3);
        // a first bound at or below zero has no known lower end: the point is the bound itself
        assertThat(new Histogram(new double[] {-2, 0, 2}, new double[] {1, 1, 1}).representativePoints())
                .containsExactly(-2, -1, 1);
    }

    @Test
    void inputArraysAreCopied() {
        double[] counts = {1, 2};
        Histogram h = new Histogram(new double[] {1, 2}, counts);
        counts[0] = 99;
        assertThat(h.counts()).containsExactly(1, 2);
        assertThat(h).isEqualTo(new Histogram(new double[] {1, 2}, new double[] {1, 2}));
    }
}
