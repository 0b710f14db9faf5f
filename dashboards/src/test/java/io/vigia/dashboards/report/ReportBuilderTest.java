package io.vigia.dashboards.report;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportBuilderTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");

    /** Answers "acceptance" with 0.30 in week 46 and 0.24 in week 47; "broken" fails; "empty" has no series. */
    static class WeeklySource implements MetricsSource {
        final List<String> queries = new ArrayList<>();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public QueryResponse query(String expr, Instant time) {
            queries.add(expr);
            return QueryResponse.of(new QueryResult.Vector(new Labels[] {Labels.of("category", "prompt_injection"),
                    Labels.of("category", "pii")}, new long[] {time.toEpochMilli(), time.toEpochMilli()}, new double[] {12, 40}));
        }

        @Override
        public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) {
            queries.add(expr);
            if (expr.contains("broken")) {
                throw new QueryException("bad_data", "1:1: parse error: unexpected identifier \"broken\"");
            }
            if (expr.contains("empty")) {
                return QueryResponse.of(new QueryResult.Matrix(List.of()));
            }
            boolean week47 = !start.isBefore(W47.range(MADRID).from());
            int n = (int) (Duration.between(start, end).dividedBy(step) + 1);
            long[] ts = new long[n];
            double[] vs = new double[n];
            for (int i = 0; i < n; i++) {
                ts[i] = start.plus(step.multipliedBy(i)).toEpochMilli();
                vs[i] = week47 ? 0.24 : 0.30;
            }
            return QueryResponse.of(new QueryResult.Matrix(List.of(new QueryResult.RangeSeries(Labels.EMPTY, ts, vs))));
        }

        @Override
        public List<Labels> series(List<String> m, Instant s, Instant e) {
            return List.of();
        }

        @Override
        public List<String> labelNames(List<String> m, Instant s, Instant e) {
            return List.of();
        }

        @Override
        public List<String> labelValues(String l, List<String> m, Instant s, Instant e) {
            return List.of();
        }
    }

    private static Panel panel(int id, PanelType type, String title, String expr, String unit) {
        return Panel.of(id, type, title, new GridPos(0, id * 8, 12, 8), List.of(Query.promql("A", expr, "")),
                FieldConfig.DEFAULT.withUnit(unit));
    }

    private static Report build(List<Panel> panels, WeeklySource source) {
        Dashboard d = new Dashboard("copilot-health", "Copilot Health", List.of(), "now-7d", "now", "", List.of(), panels, List.of());
        return new ReportBuilder(source, Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC), Duration.ofSeconds(15))
                .build(d, W47, MADRID, Map.of(), Map.of());
    }

    @Test
    void statPanelsBecomeKpisComparedWithTheWeekBeforeAndTheSummarySaysWhatMoved() {
        WeeklySource source = new WeeklySource();
        Report r = build(List.of(panel(1, PanelType.STAT, "Acceptance rate", "acceptance[$__range]", "percentunit")), source);
        assertThat(r.kpis()).singleElement().satisfies(k -> {
            assertThat(k.current()).isEqualTo(0.24);
            assertThat(k.previous()).isEqualTo(0.30);
            assertThat(k.change()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-12));
        });
        // every day of week 46 is 30%, every day of week 47 24%: no resample of the days comes near no change
        assertThat(r.summary()).first()
                .isEqualTo("Acceptance rate fell 20% week over week (30.0% → 24.0%); daily values p = ≤ 0.00050, q = 0.000500.");
        assertThat(r.kpis().getFirst().test().test().nBefore()).isEqualTo(7);
        assertThat(source.queries).contains("acceptance[86400s]");
        assertThat(r.summary()).noneMatch(line -> line.contains("partial"));
        assertThat(source.queries).contains("acceptance[604800s]");
        assertThat(r.from()).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
        assertThat(r.partial()).isFalse();
        assertThat(r.noData()).isFalse();
    }

    @Test
    void aFailingPanelMakesTheReportPartialAndTheRestIsStillComputed() {
        Report r = build(List.of(panel(1, PanelType.TIME_SERIES, "Broken", "broken(", ""),
                panel(2, PanelType.TABLE, "Blocked by category", "sum by (category) (blocked)", "")), new WeeklySource());
        assertThat(r.partial()).isTrue();
        assertThat(r.problems()).singleElement().asString().contains("Broken").contains("parse error");
        assertThat(r.sections()).as("no evidence table: the dashboard reads none of their metrics").hasSize(2);
        Report.Table t = (Report.Table) r.sections().get(1);
        assertThat(t.rows()).extracting(row -> row.get(0)).containsExactly("{category=\"pii\"}", "{category=\"prompt_injection\"}");
        assertThat(r.summary()).anySatisfy(s -> assertThat(s).startsWith("This report is partial: 1 panel"));
    }

    @Test
    void aWeekWithoutDataSaysSo() {
        Report r = build(List.of(panel(1, PanelType.TIME_SERIES, "Nothing", "empty", "")), new WeeklySource());
        assertThat(r.noData()).isTrue();
        assertThat(r.summary()).containsExactly("No data for 2026-W47: no panel had a sample in this week.");
    }

    @Test
    void aSourceThatCannotBeReachedStopsTheBuildInsteadOfAnEmptyPartialReport() {
        WeeklySource down = new WeeklySource() {
            @Override
            public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) {
                throw new io.vigia.datasources.http.RemoteException(io.vigia.datasources.http.RemoteException.Kind.CONNECTION_REFUSED,
                        0, "connection refused by 127.0.0.1:9");
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> build(List.of(panel(1, PanelType.TIME_SERIES, "Any", "up", "")), down))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("source \"test\" failed: connection refused by 127.0.0.1:9");
    }

    @Test
    void promqlStringsOfLabelValuesAreEscaped() {
        assertThat(WeeklyEvidence.promString("a\"} or vector(1) or {x=\"")).isEqualTo("a\\\"} or vector(1) or {x=\\\"");
    }
}
