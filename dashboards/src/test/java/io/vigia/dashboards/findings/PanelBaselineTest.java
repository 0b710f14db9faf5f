package io.vigia.dashboards.findings;

import io.vigia.dashboards.chart.data.BaselineBands;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelDataLoader;
import io.vigia.dashboards.query.PanelRequest;
import io.vigia.dashboards.query.QueryPreparation;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A panel's usual band from the weeks before, on a real workspace file through the embedded
 * PromQL engine: two hosts' load with the same daily shape every day, scraped every 5 minutes.
 */
class PanelBaselineTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final long SCRAPE = 300_000;
    private static final long DAY = 86_400_000;

    @TempDir
    Path dir;

    /** The daily shape: 10 at night, up to 30 at 15:00 UTC; host b twice host a. */
    private static double load(long t, int host) {
        double hour = Math.floorMod(t, DAY) / 3_600_000.0;
        return host * (20 + 10 * Math.sin((hour - 9) / 24 * 2 * Math.PI));
    }

    /** {@code days} of history up to now; host a spikes to 100 in the last two hours. */
    private SqliteSeriesStore store(Workspace ws, int days) {
        SqliteSeriesStore store = new SqliteSeriesStore(ws);
        try (SeriesWriter w = store.writer()) {
            for (long t = NOW.toEpochMilli() - days * DAY; t <= NOW.toEpochMilli(); t += SCRAPE) {
                boolean spike = t > NOW.toEpochMilli() - 2 * 3_600_000;
                w.append(Labels.of("__name__", "node_load1", "instance", "a"), t, spike ? 100 : load(t, 1));
                w.append(Labels.of("__name__", "node_load1", "instance", "b"), t, load(t, 2));
            }
            w.commit();
        }
        return store;
    }

    private static Panel panel(boolean band, PanelOptions.Stacking stacking) {
        Panel p = Panel.of(1, PanelType.TIME_SERIES, "Load", new GridPos(0, 0, 24, 8),
                List.of(Query.promql("A", "node_load1", "{{instance}}")), FieldConfig.DEFAULT);
        return p.withOptions(p.options().withGraph(p.options().graph().withSeasonalBand(band).withStacking(stacking)));
    }

    private static Dashboard dashboard(Panel p) {
        return new Dashboard("d", "D", List.of(), "now-6h", "now", "", List.of(), List.of(p), List.of());
    }

    private static final PanelRequest LAST_6H = PanelRequest.of(new TimeRange(NOW.minus(Duration.ofHours(6)), NOW), 1200,
            Map.of(), Map.of());

    @Test
    void eachSeriesGetsTheBandOfItsOwnEarlierWeeksAndTheSpikeLeavesIt() {
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia")); SqliteSeriesStore store = store(ws, 40)) {
            LocalPromqlSource source = new LocalPromqlSource("local", store);
            Panel p = panel(true, null);
            PanelData data = new PanelDataLoader(n -> source, Duration.ofMinutes(5)).load(dashboard(p), p, LAST_6H);
            BaselineBands b = new PanelBaseline(n -> source, Duration.ofMinutes(5), QueryPreparation.EXPAND)
                    .load(dashboard(p), p, LAST_6H, data.step());

            assertThat(b.note()).isEmpty();
            assertThat(b.bands()).extracting(BaselineBands.SeriesBand::series)
                    .containsExactlyInAnyOrderElementsOf(data.series().stream().map(s -> s.name()).toList())
                    .containsExactlyInAnyOrder("a", "b");
            BaselineBands.SeriesBand a = b.bands().stream().filter(x -> x.series().equals("a")).findFirst().orElseThrow();
            BaselineBands.SeriesBand hostB = b.bands().stream().filter(x -> x.series().equals("b")).findFirst().orElseThrow();
            assertThat(a.ts()[0]).isGreaterThanOrEqualTo(LAST_6H.range().from().toEpochMilli() - SCRAPE);
            assertThat(a.ts()[a.ts().length - 1]).as("one step past the range at most").isLessThanOrEqualTo(NOW.toEpochMilli() + SCRAPE);
            for (int i = 0; i < a.ts().length; i++) {
                // the same time in the weeks before: the daily shape (±2 steps either side blur it a little)
                assertThat(a.median()[i]).isCloseTo(load(a.ts()[i], 1), within(0.5));
                assertThat(hostB.median()[i]).isCloseTo(load(hostB.ts()[i], 2), within(1.0));
                assertThat(a.lower()[i]).isLessThan(a.median()[i]);
                assertThat(a.upper()[i]).isGreaterThan(a.median()[i]);
            }
            // the spike of the last two hours is above a's band
            assertThat(a.upper()[a.ts().length - 1]).isLessThan(100);
        }
    }

    @Test
    void aRefreshWhoseRangeTheLastBandCoversSendsNoQuery() {
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia")); SqliteSeriesStore store = store(ws, 40)) {
            LocalPromqlSource local = new LocalPromqlSource("local", store);
            List<String> sent = new java.util.ArrayList<>();
            MetricsSource counting = new MetricsSource() {
                @Override
                public String name() {
                    return local.name();
                }

                @Override
                public QueryResponse query(String expr, Instant time) {
                    return local.query(expr, time);
                }

                @Override
                public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) {
                    sent.add(expr);
                    return local.queryRange(expr, start, end, step);
                }

                @Override
                public List<Labels> series(List<String> matchers, Instant start, Instant end) {
                    return local.series(matchers, start, end);
                }

                @Override
                public List<String> labelNames(List<String> matchers, Instant start, Instant end) {
                    return local.labelNames(matchers, start, end);
                }

                @Override
                public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) {
                    return local.labelValues(label, matchers, start, end);
                }
            };
            Panel p = panel(true, null);
            PanelBaseline baseline = new PanelBaseline(n -> counting, Duration.ofMinutes(5), QueryPreparation.EXPAND);
            BaselineBands first = baseline.load(dashboard(p), p, LAST_6H, Duration.ofMinutes(1));
            assertThat(sent).hasSize(1);
            // "now-6h" half an hour later: still covered by the first query's look ahead, and the same band there
            PanelRequest later = PanelRequest.of(new TimeRange(NOW.minus(Duration.ofMinutes(330)), NOW.plus(Duration.ofMinutes(30))),
                    1200, Map.of(), Map.of());
            BaselineBands second = baseline.load(dashboard(p), p, later, Duration.ofMinutes(1));
            assertThat(sent).hasSize(1);
            BaselineBands.SeriesBand a1 = first.bands().stream().filter(x -> x.series().equals("a")).findFirst().orElseThrow();
            BaselineBands.SeriesBand a2 = second.bands().stream().filter(x -> x.series().equals("a")).findFirst().orElseThrow();
            int at = java.util.Arrays.binarySearch(a2.ts(), a1.ts()[a1.ts().length - 2]);
            assertThat(a2.median()[at]).isEqualTo(a1.median()[a1.ts().length - 2]);
            assertThat(a2.ts()[a2.ts().length - 1]).isGreaterThan(a1.ts()[a1.ts().length - 1]);
            // a day later, past the look ahead: a new query
            baseline.load(dashboard(p), p, PanelRequest.of(LAST_6H.range().shiftedBack(Duration.ofDays(-1)), 1200, Map.of(), Map.of()),
                    Duration.ofMinutes(1));
            assertThat(sent).hasSize(2);
        }
    }

    @Test
    void tooLittleHistoryGivesANoteAndNoBand() {
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia")); SqliteSeriesStore store = store(ws, 10)) {
            LocalPromqlSource source = new LocalPromqlSource("local", store);
            Panel p = panel(true, null);
            BaselineBands b = new PanelBaseline(n -> source, Duration.ofMinutes(5), QueryPreparation.EXPAND)
                    .load(dashboard(p), p, LAST_6H, Duration.ofMinutes(5));
            assertThat(b.bands()).isEmpty();
            assertThat(b.note()).isEqualTo("No usual band yet: it needs data at the same time in at least 2 of the 4 weeks before");
        }
    }

    @Test
    void aPanelWithoutTheOptionHasNoneAndAStackedOneSaysWhy() {
        PanelBaseline none = new PanelBaseline(n -> {
            throw new AssertionError("no query is sent");
        }, Duration.ofMinutes(5), QueryPreparation.EXPAND);
        assertThat(none.load(dashboard(panel(false, null)), panel(false, null), LAST_6H, Duration.ofMinutes(1)))
                .isEqualTo(BaselineBands.NONE);
        Panel stacked = panel(true, PanelOptions.Stacking.NORMAL);
        assertThat(none.load(dashboard(stacked), stacked, LAST_6H, Duration.ofMinutes(1)).note()).startsWith("No usual band on a stacked panel");
    }

    @Test
    void theBandsStepDividesAWeekAndKeepsTheQueryWithinPrometheussPointLimit() {
        BandSettings s = BandSettings.defaults();
        // 6 hours + 4 weeks at 11,000 points: at least 220 s, so 5 minutes
        assertThat(PanelBaseline.stepSeconds(LAST_6H.range(), Duration.ofSeconds(15), s)).isEqualTo(300);
        // never finer than the panel's own step
        assertThat(PanelBaseline.stepSeconds(LAST_6H.range(), Duration.ofMinutes(20), s)).isEqualTo(1200);
        TimeRange month = new TimeRange(NOW.minus(Duration.ofDays(30)), NOW);
        assertThat(PanelBaseline.stepSeconds(month, Duration.ofSeconds(15), s)).isEqualTo(600);
        for (long step : new long[]{PanelBaseline.stepSeconds(month, Duration.ofHours(5), s)}) {
            assertThat(SeasonalBand.WEEK_MS % (step * 1000)).isZero();
        }
    }
}
