package io.vigia.dashboards.report;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The week-over-week test of the KPI table: each stat panel's query evaluated per local day of
 * both weeks, the 7 daily values compared with the block bootstrap, Benjamini–Hochberg across the
 * table; the summary's "rose"/"fell" sentences say whether the move is more than the days' own
 * variation.
 */
class KpiWeekOverWeekTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");
    private static final TimeRange THIS = W47.range(MADRID);

    /** Daily values by day index (0 = Monday of week 46, 7 = Monday of week 47); weekly values by week. */
    record Series(String name, double[] daily, double week46, double week47) {
    }

    /** Instant queries "name[Ns]": the daily value at a day's end for a 1-day range, the week's value for a week. */
    static final class DailySource implements MetricsSource {
        final Map<String, Series> series;

        DailySource(Series... s) {
            this.series = new java.util.HashMap<>();
            for (Series x : s) {
                series.put(x.name(), x);
            }
        }

        @Override
        public String name() {
            return "daily";
        }

        @Override
        public QueryResponse query(String expr, Instant time) {
            Series s = series.get(expr.substring(0, expr.indexOf('[')));
            long seconds = Long.parseLong(expr.substring(expr.indexOf('[') + 1, expr.indexOf("s]")));
            double v;
            if (seconds >= 6 * 86400) {
                v = time.isBefore(THIS.from()) ? s.week46() : s.week47();
            } else {
                int day = (int) Duration.between(W47.previous().range(MADRID).from(), time).toDays();
                v = day >= 0 && day < s.daily().length ? s.daily()[day] : Double.NaN;
            }
            return QueryResponse.of(new QueryResult.Vector(new Labels[] {Labels.EMPTY}, new long[] {time.toEpochMilli()},
                    new double[] {v}));
        }

        @Override
        public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) {
            return QueryResponse.of(new QueryResult.Matrix(List.of()));
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

    private static Panel stat(int id, String title, String metric) {
        return Panel.of(id, PanelType.STAT, title, new GridPos(0, id * 8, 6, 4),
                List.of(new Query("A", "", QueryLanguage.PROMQL, metric + "[$__range]", "", true, false, "")), FieldConfig.DEFAULT.withUnit("short"));
    }

    private static Report build(DailySource source, Panel... panels) {
        Dashboard d = new Dashboard("d", "D", List.of(), "now-7d", "now", "", List.of(), List.of(panels), List.of());
        return new ReportBuilder(source, Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5))
                .build(d, W47, MADRID, Map.of(), Map.of());
    }

    @Test
    void aMoveWithinTheDaysOwnVariationIsSaidToBeOneAndARealOneIsNot() {
        // blocked prompts: the days jump around (weekends are quiet); the week total moves 15% by chance
        Series noisy = new Series("blocked", new double[] {80, 140, 60, 150, 70, 20, 30, 150, 60, 130, 75, 160, 15, 40},
                550, 630);
        // active users: every day of week 47 is about 30 above week 46
        Series users = new Series("users", new double[] {200, 204, 198, 202, 201, 190, 192, 231, 233, 229, 232, 230, 221, 222},
                1387, 1598);
        Report r = build(new DailySource(noisy, users), stat(1, "Prompts blocked", "blocked"), stat(2, "Active users", "users"));

        Report.Kpi blocked = r.kpis().get(0);
        Report.Kpi active = r.kpis().get(1);
        assertThat(blocked.test().tested()).isTrue();
        assertThat(blocked.test().test().nBefore()).isEqualTo(7);
        assertThat(blocked.test().test().nAfter()).isEqualTo(7);
        assertThat(blocked.test().test().difference()).isCloseTo(80.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(blocked.test().test().differenceInterval().contains(0)).isTrue();
        assertThat(blocked.test().significant()).isFalse();
        assertThat(active.test().significant()).isTrue();
        assertThat(active.test().test().differenceInterval().lower()).isGreaterThan(20);
        // Benjamini–Hochberg across the two: the larger p keeps its value, the smaller is doubled
        double pb = blocked.test().test().pValue();
        double pa = active.test().test().pValue();
        assertThat(pa).isLessThan(pb);
        assertThat(blocked.test().q()).isEqualTo(pb);
        assertThat(active.test().q()).isEqualTo(Math.min(pb, 2 * pa));

        assertThat(r.summary()).anySatisfy(s -> assertThat(s).startsWith("Active users rose 15% week over week (1387 → 1598); daily values p = "));
        assertThat(r.summary()).anySatisfy(s -> assertThat(s).startsWith("Prompts blocked rose 15% week over week (550 → 630), "
                + "within the day-to-day variation (daily values p = "));
        assertThat(active.test().changeCell("short")).startsWith("+30.14 [");
        assertThat(blocked.test().pqCell()).matches("0\\.\\d+ · 0\\.\\d+");
    }

    @Test
    void withTooFewDaysTheChangeIsUntestedAndSaysWhy() {
        double nan = Double.NaN;
        Series late = new Series("late", new double[] {nan, nan, nan, nan, nan, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 7, 56);
        Report r = build(new DailySource(late), stat(1, "Late starter", "late"));
        KpiTest t = r.kpis().getFirst().test();
        assertThat(t.tested()).isFalse();
        assertThat(t.q()).isNaN();
        assertThat(t.why()).isEqualTo("fewer than 3 days with a value (2 the week before, 7 this week)");
        assertThat(r.summary()).first().asString().endsWith("; not tested: fewer than 3 days with a value (2 the week before, 7 this week).");
    }

    @Test
    void theDaysOfAWeekAreLocalDaysAcrossAClockChange() {
        // 2026-W13 holds the switch to summer time in Madrid (Sunday 29 March): that day has 23 hours
        List<TimeRange> days = KpiDailyValues.days(IsoWeek.parse("2026-W13").range(MADRID), MADRID);
        assertThat(days).hasSize(7);
        assertThat(days.getLast().length()).isEqualTo(Duration.ofHours(23));
        assertThat(days.getFirst().from()).isEqualTo(Instant.parse("2026-03-22T23:00:00Z"));
    }
}
