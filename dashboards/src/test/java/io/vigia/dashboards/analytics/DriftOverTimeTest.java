package io.vigia.dashboards.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriftOverTimeTest {
    private static final long HOUR = 3_600_000L;
    private final DriftOverTime overTime = new DriftOverTime(DriftAnalyzer.withDefaults());

    @Test
    void scorePerWindowAgainstTheBaselineWindow() {
        // hour 0: baseline (SMALL_A); hour 1: the same values again; hour 2: nothing; hour 3: SMALL_B
        double[] a = ReferenceData.SMALL_A;
        double[] b = ReferenceData.SMALL_B;
        int n = 2 * a.length + b.length + 1;
        long[] ts = new long[n];
        double[] v = new double[n];
        int k = 0;
        for (int i = 0; i < a.length; i++, k++) {
            ts[k] = i * 1000L;
            v[k] = a[i];
        }
        for (int i = 0; i < a.length; i++, k++) {
            ts[k] = HOUR + i * 1000L;
            v[k] = a[i];
        }
        ts[k] = 2 * HOUR + 5;
        v[k++] = Double.NaN; // a stale marker alone is no data
        for (int i = 0; i < b.length; i++, k++) {
            ts[k] = 3 * HOUR + i * 1000L;
            v[k] = b[i];
        }
        List<WindowDrift> windows = overTime.samples(ts, v, 0, HOUR, HOUR, 4 * HOUR, HOUR);
        assertThat(windows).extracting(WindowDrift::from).containsExactly(HOUR, 2 * HOUR, 3 * HOUR);
        assertThat(windows).extracting(WindowDrift::samples).containsExactly(12, 0, 15);
        assertThat(windows.get(0).drift()).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(DriftStatus.OK);
            assertThat(d.kolmogorovSmirnov().statistic()).isZero();
        });
        assertThat(windows.get(1).drift()).isEmpty();
        // same numbers as comparing the two samples directly (D 0.6333333333333333 per scipy ks_2samp)
        assertThat(windows.get(2).drift()).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(DriftStatus.DRIFT);
            assertThat(d.kolmogorovSmirnov().statistic()).isCloseTo(0.6333333333333333, within(1e-15));
        });
    }

    @Test
    void lastWindowIsCutAtTheEndOfTheRange() {
        long[] ts = {0, 10, 20, 30, 40, 50};
        double[] v = {1, 2, 3, 1, 2, 3};
        List<WindowDrift> w = overTime.samples(ts, v, 0, 30, 30, 55, 20);
        assertThat(w).extracting(WindowDrift::to).containsExactly(50L, 55L);
        assertThat(w).extracting(WindowDrift::samples).containsExactly(2, 1);
        assertThat(w.get(0).drift()).isPresent();
        assertThat(w.get(1).drift()).as("one sample is too few for a score").isEmpty();
    }

    @Test
    void histogramSequence() {
        double[] bounds = DriftMetricsTest.BOUNDS;
        Histogram base = new Histogram(bounds, DriftMetricsTest.BASE);
        List<HistogramWindowDrift> out = overTime.histograms(base, List.of(
                new TimedHistogram(1000, new Histogram(bounds, DriftMetricsTest.BASE)),
                new TimedHistogram(2000, new Histogram(bounds, new double[6])),
                new TimedHistogram(3000, new Histogram(bounds, DriftMetricsTest.CUR))));
        assertThat(out.get(0).drift()).hasValueSatisfying(d -> assertThat(d.jensenShannon().distance()).isZero());
        assertThat(out.get(1).drift()).isEmpty();
        // jensenshannon(hb, hc, base=2) -> 0.10268797584942552 (scipy 1.17.1)
        assertThat(out.get(2).drift()).hasValueSatisfying(d -> {
            assertThat(d.jensenShannon().distance()).isCloseTo(0.10268797584942552, within(1e-14));
            assertThat(d.status()).isEqualTo(DriftStatus.DRIFT);
        });
    }

    @Test
    void badRangesAreRejected() {
        long[] ts = {0, 10};
        double[] v = {1, 2};
        assertThatThrownBy(() -> overTime.samples(ts, v, 10, 10, 0, 20, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline window is empty");
        assertThatThrownBy(() -> overTime.samples(ts, v, 100, 200, 0, 20, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no samples");
        assertThatThrownBy(() -> overTime.samples(ts, v, 0, 5, 0, 20, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window length");
        assertThatThrownBy(() -> overTime.samples(ts, new double[1], 0, 5, 0, 20, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> overTime.samples(ts, v, 0, 5, 0, Long.MAX_VALUE / 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too many windows");
    }
}
