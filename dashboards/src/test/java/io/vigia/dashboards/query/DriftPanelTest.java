package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.data.TableData;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.paint.PanelPainterAccess;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift panels through the real embedded engine: a feature whose histogram moves to higher buckets
 * in the last week, beside one that keeps its shape.
 */
class DriftPanelTest {
    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_700_000_000_000L / HOUR * HOUR;
    private static final long DAYS = 21;
    private static final long SHIFT_AT = T0 + 14 * 24 * HOUR;
    private static final double[] BOUNDS = {128, 512, 2048, 8192, Double.POSITIVE_INFINITY};
    // requests per 5 minutes falling in each bucket (not cumulative)
    private static final double[] USUAL = {30, 50, 15, 5, 0};
    private static final double[] SHIFTED = {5, 20, 45, 25, 5};

    private static LocalPromqlSource source() {
        InMemorySeriesReader reader = new InMemorySeriesReader();
        for (String feature : List.of("stable", "shifted")) {
            double[] cumulative = new double[BOUNDS.length];
            for (long t = T0; t <= T0 + DAYS * 24 * HOUR; t += 300_000L) {
                double[] per = feature.equals("shifted") && t >= SHIFT_AT ? SHIFTED : USUAL;
                double running = 0;
                for (int b = 0; b < BOUNDS.length; b++) {
                    running += per[b];
                    cumulative[b] += running;
                    String le = Double.isInfinite(BOUNDS[b]) ? "+Inf" : String.valueOf((int) BOUNDS[b]);
                    reader.append(Labels.of("__name__", "vigia_model_input_feature_bucket", "feature", feature, "le", le), t, cumulative[b]);
                }
            }
        }
        return new LocalPromqlSource("local", reader);
    }

    private static Panel panel(PanelType type, PanelOptions.Drift.Mode mode, String expr) {
        return Panel.of(1, type, "Drift", new GridPos(0, 0, 12, 8), List.of(Query.promql("A", expr, "{{feature}}")),
                FieldConfig.DEFAULT).withOptions(PanelOptions.DEFAULTS.withDrift(PanelOptions.Drift.of(mode)));
    }

    private static PanelData load(Panel p, TimeRange range) {
        Dashboard d = new Dashboard("d", "D", List.of(), "now-7d", "now", "", List.of(), List.of(p), List.of());
        LocalPromqlSource source = source();
        return new PanelDataLoader(name -> source, Duration.ofMinutes(5)).load(d, p, range, 800, Map.of(), Map.of());
    }

    @Test
    void theStatusTableFlagsTheFeatureThatMovedAndPassesTheOneThatDidNot() {
        TimeRange lastWeek = new TimeRange(Instant.ofEpochMilli(SHIFT_AT), Instant.ofEpochMilli(SHIFT_AT + 7 * 24 * HOUR));
        PanelData data = load(panel(PanelType.TABLE, PanelOptions.Drift.Mode.STATUS, "vigia_model_input_feature_bucket"), lastWeek);
        assertThat(data.errors()).isEmpty();
        TableData t = PanelPainterAccess.driftTable(data);
        assertThat(t.columns()).extracting(TableData.Column::header)
                .containsExactly("Feature", "Verdict", "JS dist.", "JS 95% CI", "PSI", "Requests", "p", "q");
        assertThat(t.rows()).hasSize(2);
        // worst first
        assertThat(t.rows().get(0).get(0)).isEqualTo("shifted");
        assertThat(t.rows().get(0).get(1)).isEqualTo("DRIFT");
        assertThat(Double.parseDouble(t.rows().get(0).get(2))).isGreaterThan(0.1);
        assertThat(Double.parseDouble(t.rows().get(0).get(4))).isGreaterThan(0.25);
        // every slice of the week before differs from every slice after: no permutation is as far apart
        assertThat(t.rows().get(0).get(6)).isEqualTo("≤ 0.00050");
        assertThat(Double.parseDouble(t.rows().get(0).get(7))).isLessThan(0.05);
        assertThat(t.rows().get(1).get(0)).isEqualTo("stable");
        assertThat(t.rows().get(1).get(1)).isEqualTo("OK");
        assertThat(Double.parseDouble(t.rows().get(1).get(2))).isLessThan(0.01);
        // 100 requests per 5 minutes for a week
        assertThat(t.rows().get(1).get(5)).isEqualTo("202k");
        assertThat(Double.parseDouble(t.rows().get(1).get(7))).isGreaterThan(0.05);
    }

    @Test
    void theScoreRisesAfterTheShiftForThatFeatureOnlyAndStaysNearZeroBefore() {
        TimeRange twoWeeks = new TimeRange(Instant.ofEpochMilli(T0 + 7 * 24 * HOUR), Instant.ofEpochMilli(T0 + DAYS * 24 * HOUR));
        PanelData data = load(panel(PanelType.TIME_SERIES, PanelOptions.Drift.Mode.SCORE, "vigia_model_input_feature_bucket"), twoWeeks);
        assertThat(data.errors()).isEmpty();
        assertThat(data.series()).extracting(TimeSeriesData::name).containsExactlyInAnyOrder("stable", "shifted");
        TimeSeriesData shifted = data.series().stream().filter(s -> s.name().equals("shifted")).findFirst().orElseThrow();
        TimeSeriesData stable = data.series().stream().filter(s -> s.name().equals("stable")).findFirst().orElseThrow();
        assertThat(at(shifted, SHIFT_AT - 2 * HOUR)).isLessThan(0.01);
        assertThat(at(shifted, SHIFT_AT + 2 * 24 * HOUR)).isGreaterThan(0.1);
        assertThat(at(stable, SHIFT_AT + 2 * 24 * HOUR)).isLessThan(0.01);
        // a score at most every hour: two weeks give 14 * 24 + 1 points
        assertThat(shifted.ts()).hasSize(14 * 24 + 1);
    }

    @Test
    void aQueryThatIsNotABucketSelectorIsReportedOnThePanel() {
        TimeRange lastWeek = new TimeRange(Instant.ofEpochMilli(SHIFT_AT), Instant.ofEpochMilli(SHIFT_AT + 7 * 24 * HOUR));
        PanelData data = load(panel(PanelType.TABLE, PanelOptions.Drift.Mode.STATUS, "sum(vigia_model_input_feature_bucket)"), lastWeek);
        assertThat(data.series()).isEmpty();
        assertThat(data.errors()).singleElement().asString().startsWith("A: ");
        PanelData window = load(panel(PanelType.TIME_SERIES, PanelOptions.Drift.Mode.SCORE, "vigia_model_input_feature_bucket")
                .withOptions(PanelOptions.DEFAULTS.withDrift(new PanelOptions.Drift(PanelOptions.Drift.Mode.SCORE, null, "one day", null))),
                lastWeek);
        assertThat(window.errors()).singleElement().asString().contains("one day");
    }

    private static double at(TimeSeriesData s, long t) {
        for (int i = 0; i < s.ts().length; i++) {
            if (s.ts()[i] == t) {
                return s.values()[i];
            }
        }
        throw new AssertionError("no point at " + Instant.ofEpochMilli(t));
    }
}
