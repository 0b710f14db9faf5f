package io.vigia.dashboards.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Offset.offset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Drift reports against scipy/numpy reference values printed by {@code reference_values.py}
 * (test resources; scipy 1.17.1, numpy 2.4.6). PSI and Jensen–Shannon on raw samples use the bins
 * Evidently uses: {@code edges = np.histogram_bin_edges(np.concatenate([a, b]), bins="sturges")},
 * {@code np.histogram(a, edges)[0]}.
 */
class DriftAnalyzerTest {
    private final DriftAnalyzer analyzer = DriftAnalyzer.withDefaults();

    @Test
    void smallSamplesWithoutTies() {
        SampleDrift d = analyzer.samples(ReferenceData.SMALL_A, ReferenceData.SMALL_B);
        // stats.ks_2samp(a, b, method="exact") -> D 0.6333333333333333, p 0.005059635777094386
        assertThat(d.kolmogorovSmirnov().statistic()).isCloseTo(0.6333333333333333, within(1e-15));
        assertThat(d.kolmogorovSmirnov().pValue()).isCloseTo(0.005059635777094386, Percentage.withPercentage(1e-6));
        assertThat(d.kolmogorovSmirnov().significantTies()).isFalse();
        // stats.wasserstein_distance(a, b) -> 3.231666666666666; / np.std(a) (2.0133409216192537)
        assertThat(d.wasserstein().distance()).isCloseTo(3.231666666666666, within(1e-12));
        assertThat(d.wasserstein().normalized()).isCloseTo(3.231666666666666 / 2.0133409216192537, within(1e-12));
        // sturges edges [9.8, 11.35, 12.9, 14.45, 16.0, 17.55, 19.1]: counts [4,3,3,1,1,0] vs [0,1,2,5,3,4]
        // psi -> 5.570303062273487; jensenshannon(ca, cb, base=2) -> 0.6554151987682248
        assertThat(d.psi().bins()).isEqualTo(6);
        assertThat(d.psi().value()).isCloseTo(5.570303062273487, within(1e-12));
        assertThat(d.jensenShannon().distance()).isCloseTo(0.6554151987682248, within(1e-14));
        // 12 baseline samples <= 1000: Evidently's default for a numerical column is KS
        assertThat(d.decidedBy()).isEqualTo(DriftMetric.KOLMOGOROV_SMIRNOV);
        assertThat(d.status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(d.baselineCount()).isEqualTo(12);
        assertThat(d.currentCount()).isEqualTo(15);
    }

    @Test
    void tiesInKolmogorovSmirnov() {
        KolmogorovSmirnovResult ks = analyzer.kolmogorovSmirnov(ReferenceData.TIES_A, ReferenceData.TIES_B);
        // stats.ks_2samp(ta, tb, method="exact") -> D 0.45, p 0.2475433063668358
        assertThat(ks.statistic()).isCloseTo(0.45, within(1e-15));
        assertThat(ks.significantTies()).isTrue();
        assertThat(ks.pValue()).isCloseTo(0.2475433063668358, Percentage.withPercentage(1e-6));
        assertThat(ks.status()).isEqualTo(DriftStatus.OK);
        assertThat(analyzer.kolmogorovSmirnovStatistic(ReferenceData.TIES_A, ReferenceData.TIES_B)).isCloseTo(0.45, within(1e-15));
        assertThatThrownBy(() -> analyzer.kolmogorovSmirnovStatistic(new double[] {1}, ReferenceData.TIES_B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 samples");
    }

    @Test
    void largeSamplesUseWassersteinVerdict() {
        SampleDrift d = analyzer.samples(ReferenceData.largeA(), ReferenceData.largeB());
        // stats.ks_2samp(la, lb) (method="auto": exact for max(n, m) <= 10000)
        //   -> D 0.1236666666666667, p 7.201625125548133e-12; Commons' default (AUTO) also computes
        //   the exact p here (the asymptotic one, method="asymp", would be 6.996484646300194e-12)
        assertThat(d.kolmogorovSmirnov().statistic()).isCloseTo(0.1236666666666667, within(1e-14));
        assertThat(d.kolmogorovSmirnov().pValue()).isCloseTo(7.201625125548133e-12, Percentage.withPercentage(1e-6));
        // stats.wasserstein_distance(la, lb) -> 6.6731925333333395; / np.std(la) -> 0.23117919772585166
        assertThat(d.wasserstein().distance()).isCloseTo(6.6731925333333395, within(1e-9));
        assertThat(d.wasserstein().normalized()).isCloseTo(0.23117919772585166, within(1e-12));
        // sturges over 3500 values: 13 bins; psi -> 0.6038522421982275; js -> 0.22776623813354038
        assertThat(d.psi().bins()).isEqualTo(13);
        assertThat(d.psi().value()).isCloseTo(0.6038522421982275, within(1e-12));
        assertThat(d.jensenShannon().distance()).isCloseTo(0.22776623813354038, within(1e-14));
        // 2000 baseline samples > 1000: Evidently's default is the normalized Wasserstein distance
        assertThat(d.decidedBy()).isEqualTo(DriftMetric.WASSERSTEIN);
        assertThat(d.status()).isEqualTo(DriftStatus.DRIFT);
    }

    @Test
    void identicalSamplesShowNoDrift() {
        double[] a = ReferenceData.largeA();
        SampleDrift d = analyzer.samples(a, a.clone());
        assertThat(d.psi().value()).isZero();
        assertThat(d.jensenShannon().distance()).isZero();
        assertThat(d.kolmogorovSmirnov().statistic()).isZero();
        assertThat(d.kolmogorovSmirnov().pValue()).isCloseTo(1.0, within(1e-12));
        assertThat(d.wasserstein().distance()).isZero();
        assertThat(d.status()).isEqualTo(DriftStatus.OK);
        assertThat(d.psi().status()).isEqualTo(DriftStatus.OK);
    }

    @Test
    void disjointSamples() {
        double[] a = {1, 2, 3, 4};
        double[] b = {11, 12, 13, 14, 15};
        SampleDrift d = analyzer.samples(a, b);
        // counts [3,1,0,0,0] vs [0,0,0,2,3]: psi -> 17.181959905454434, js -> 1.0
        assertThat(d.psi().value()).isCloseTo(17.181959905454434, within(1e-11));
        assertThat(d.jensenShannon().distance()).isCloseTo(1.0, within(1e-15));
        // ks_2samp exact -> D 1.0, p 0.015873015873015872 (= 2 / C(9,4)); wasserstein -> 10.5
        assertThat(d.kolmogorovSmirnov().statistic()).isEqualTo(1.0);
        assertThat(d.kolmogorovSmirnov().pValue()).isCloseTo(0.015873015873015872, within(1e-15));
        assertThat(d.wasserstein().distance()).isCloseTo(10.5, within(1e-12));
        assertThat(d.status()).isEqualTo(DriftStatus.DRIFT);
    }

    @Test
    void constantSamplesDoNotDivideByZero() {
        SampleDrift same = analyzer.samples(new double[] {5, 5, 5}, new double[] {5, 5});
        assertThat(same.psi().value()).isZero();
        assertThat(same.wasserstein().normalized()).isZero();
        SampleDrift moved = analyzer.samples(new double[] {5, 5, 5}, new double[] {6, 6});
        // baseline std 0 -> Evidently's floor 0.001: normalized = 1 / 0.001
        assertThat(moved.wasserstein().normalized()).isCloseTo(1000, offset(1e-9));
        assertThat(moved.jensenShannon().distance()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void nanSamplesAreDroppedAndInfinitiesRejected() {
        double[] withNaN = {12.1, Double.NaN, 15.3, 9.8, 11.0, 14.2, 13.7, 10.4, 16.9, 12.8, 11.9, 13.1, 10.9, Double.NaN};
        assertThat(analyzer.samples(withNaN, ReferenceData.SMALL_B))
                .isEqualTo(analyzer.samples(ReferenceData.SMALL_A, ReferenceData.SMALL_B));
        assertThatThrownBy(() -> analyzer.samples(new double[] {Double.NaN, Double.NaN}, ReferenceData.SMALL_B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline has no samples (all 2 are NaN)");
        assertThatThrownBy(() -> analyzer.samples(ReferenceData.SMALL_A, new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current sample 1 is infinite");
    }

    @Test
    void emptyInputsAreRejected() {
        assertThatThrownBy(() -> analyzer.samples(new double[0], ReferenceData.SMALL_B))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("baseline has no samples");
        assertThatThrownBy(() -> analyzer.samples(ReferenceData.SMALL_A, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current samples are required");
        assertThatThrownBy(() -> analyzer.kolmogorovSmirnov(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analyzer.samples(new double[] {1, 2}, new double[] {3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 samples per window (baseline 2, current 1)");
        assertThatThrownBy(() -> analyzer.categories(Map.of(), Map.of("a", 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline has no observations");
        assertThatThrownBy(() -> analyzer.categories(Map.of("a", 1L), Map.of("a", 0L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current window has no observations");
        Histogram h = new Histogram(new double[] {1, 2}, new double[] {0, 0});
        Histogram g = new Histogram(new double[] {1, 2}, new double[] {1, 0});
        assertThatThrownBy(() -> analyzer.histograms(g, h))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current window is empty");
    }

    @Test
    void histogramDrift() {
        Histogram base = new Histogram(DriftMetricsTest.BOUNDS, DriftMetricsTest.BASE);
        Histogram cur = new Histogram(DriftMetricsTest.BOUNDS, DriftMetricsTest.CUR);
        HistogramDrift d = analyzer.histograms(base, cur);
        // psi -> 0.05867638731968657 (warning: >= 0.05, < 0.1)
        assertThat(d.psi().value()).isCloseTo(0.05867638731968657, within(1e-14));
        assertThat(d.psi().status()).isEqualTo(DriftStatus.WARNING);
        // jensenshannon(hb, hc, base=2) -> 0.10268797584942552 (>= NannyML's 0.1: drift)
        assertThat(d.jensenShannon().distance()).isCloseTo(0.10268797584942552, within(1e-14));
        assertThat(d.decidedBy()).isEqualTo(DriftMetric.JENSEN_SHANNON);
        assertThat(d.status()).isEqualTo(DriftStatus.DRIFT);
        // wasserstein_distance(pts, pts, hb, hc) -> 0.10700000000000004; / weighted std -> 0.20249785727914996
        assertThat(d.wasserstein().distance()).isCloseTo(0.10700000000000004, within(1e-14));
        assertThat(d.wasserstein().normalized()).isCloseTo(0.20249785727914996, within(1e-13));
        assertThat(d.baselineTotal()).isEqualTo(1000);
        assertThat(d.currentTotal()).isEqualTo(1000);
    }

    @Test
    void histogramsWithDifferentBucketsAreRejected() {
        Histogram a = new Histogram(new double[] {1, 2}, new double[] {1, 1});
        Histogram b = new Histogram(new double[] {1, 3}, new double[] {1, 1});
        assertThatThrownBy(() -> analyzer.histograms(a, b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different buckets");
    }

    @Test
    void guardrailCategoryMixWeekOverWeek() {
        Map<String, Long> week1 = new LinkedHashMap<>();
        week1.put("prompt_injection", 120L);
        week1.put("pii", 80L);
        week1.put("jailbreak", 40L);
        week1.put("toxicity", 25L);
        week1.put("other:secrets", 10L);
        Map<String, Long> week2 = new LinkedHashMap<>();
        week2.put("jailbreak", 70L);
        week2.put("prompt_injection", 150L);
        week2.put("pii", 60L);
        week2.put("toxicity", 20L);
        CategoricalDrift d = analyzer.categories(week1, week2);
        assertThat(d.categories()).containsExactly("prompt_injection", "pii", "jailbreak", "toxicity", "other:secrets");
        assertThat(d.currentCounts()).containsExactly(150, 60, 70, 20, 0);
        // stats.chi2_contingency([[120,80,40,25,10],[150,60,70,20,0]], correction=False)
        //   -> statistic 23.886046613319337, dof 4, p 8.418730631072529e-05
        assertThat(d.chiSquare().statistic()).isCloseTo(23.886046613319337, within(1e-11));
        assertThat(d.chiSquare().degreesOfFreedom()).isEqualTo(4);
        assertThat(d.chiSquare().pValue()).isCloseTo(8.418730631072529e-05, Percentage.withPercentage(1e-7));
        // jensenshannon(week1, week2, base=2) -> 0.18606807826984506; psi -> 0.30559280545890927
        assertThat(d.jensenShannon().distance()).isCloseTo(0.18606807826984506, within(1e-14));
        assertThat(d.psi().value()).isCloseTo(0.30559280545890927, within(1e-13));
        // 275 baseline observations <= 1000: Evidently's categorical default is chi-square
        assertThat(d.decidedBy()).isEqualTo(DriftMetric.CHI_SQUARE);
        assertThat(d.status()).isEqualTo(DriftStatus.DRIFT);
    }

    @Test
    void twoCategoryChiSquareHasNoYatesCorrection() {
        // stats.chi2_contingency([[30,70],[45,55]], correction=False) -> 4.8, dof 1, p 0.028459736916310638
        CategoricalDrift d = analyzer.categories(Map.of("blocked", 30L, "allowed", 70L), Map.of("blocked", 45L, "allowed", 55L));
        assertThat(d.chiSquare().statistic()).isCloseTo(4.8, within(1e-12));
        assertThat(d.chiSquare().degreesOfFreedom()).isEqualTo(1);
        assertThat(d.chiSquare().pValue()).isCloseTo(0.028459736916310638, Percentage.withPercentage(1e-7));
    }

    @Test
    void identicalMixAndSingleCategory() {
        CategoricalDrift same = analyzer.categories(Map.of("a", 10L, "b", 30L), Map.of("a", 20L, "b", 60L));
        assertThat(same.chiSquare().statistic()).isCloseTo(0, within(1e-12));
        assertThat(same.chiSquare().pValue()).isCloseTo(1, within(1e-12));
        assertThat(same.status()).isEqualTo(DriftStatus.OK);
        // one category (plus one seen in neither window): chi2_contingency([[5],[9]]) -> 0, dof 0, p 1
        CategoricalDrift one = analyzer.categories(Map.of("a", 5L, "b", 0L), Map.of("a", 9L));
        assertThat(one.chiSquare()).isEqualTo(new ChiSquareResult(0, 0, 1, DriftStatus.OK));
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> analyzer.categories(Map.of("a", -1L), Map.of("a", 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }

    @Test
    void thresholdsDecideTheStatus() {
        DriftThresholds.Level distance = DriftThresholds.DEFAULTS.psi();
        assertThat(distance.ofDistance(0.0499)).isEqualTo(DriftStatus.OK);
        assertThat(distance.ofDistance(0.05)).isEqualTo(DriftStatus.WARNING);
        assertThat(distance.ofDistance(0.1)).isEqualTo(DriftStatus.DRIFT);
        assertThat(distance.ofDistance(Double.NaN)).isEqualTo(DriftStatus.DRIFT);
        DriftThresholds.Level p = DriftThresholds.DEFAULTS.pValue();
        assertThat(p.ofPValue(0.2)).isEqualTo(DriftStatus.OK);
        assertThat(p.ofPValue(0.07)).isEqualTo(DriftStatus.WARNING);
        assertThat(p.ofPValue(0.049)).isEqualTo(DriftStatus.DRIFT);
        DriftThresholds strict = new DriftThresholds(new DriftThresholds.Level(0.01, 0.02), DriftThresholds.DEFAULTS.jensenShannon(),
                DriftThresholds.DEFAULTS.wassersteinNormalized(), DriftThresholds.DEFAULTS.pValue());
        Histogram base = new Histogram(DriftMetricsTest.BOUNDS, DriftMetricsTest.BASE);
        Histogram cur = new Histogram(DriftMetricsTest.BOUNDS, DriftMetricsTest.CUR);
        assertThat(analyzer.withThresholds(strict).histograms(base, cur).psi().status()).isEqualTo(DriftStatus.DRIFT);
        assertThatThrownBy(() -> new DriftThresholds.Level(-1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DriftThresholds(new DriftThresholds.Level(0.2, 0.1), strict.jensenShannon(),
                strict.wassersteinNormalized(), strict.pValue())).isInstanceOf(IllegalArgumentException.class);
        assertThat(DriftStatus.OK.worst(DriftStatus.DRIFT)).isEqualTo(DriftStatus.DRIFT);
        assertThat(DriftStatus.WARNING.worst(DriftStatus.OK)).isEqualTo(DriftStatus.WARNING);
    }

    @Test
    void fixedEqualWidthBins() {
        // np.histogram(a, np.linspace(9.8, 19.1, 4))[0] -> [7 4 1]; the same for b -> [1 7 7] (numpy 2.4.6)
        SampleDrift d = analyzer.withBinning(new Binning.EqualWidth(3)).samples(ReferenceData.SMALL_A, ReferenceData.SMALL_B);
        assertThat(d.psi().bins()).isEqualTo(3);
        assertThat(d.jensenShannon().distance())
                .isCloseTo(DriftMetrics.jensenShannon(new double[] {7, 4, 1}, new double[] {1, 7, 7}), within(1e-15));
    }
}
