package io.vigia.dashboards.report;

import io.vigia.dashboards.analytics.stats.BenjaminiHochberg;
import io.vigia.dashboards.analytics.stats.BlockBootstrap;
import io.vigia.dashboards.analytics.stats.Estimator;
import io.vigia.dashboards.time.TimeRange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daily values behind a KPI's week-over-week test ({@link KpiTest}): the KPI's own query
 * evaluated over each local day of the week as the builder evaluates it over the week (an instant
 * query with {@code $__range} one day, at the day's end; a range query reduced per day with the
 * panel's reducer). A day has one value, so the test compares 7 values with 7; consecutive days
 * are not independent either (a busy week stays busy), hence the block bootstrap rather than a
 * test of independent samples.
 */
final class KpiDailyValues {
    /** At least this many days with a value on each side, else no test. */
    static final int MIN_DAYS = 3;

    private KpiDailyValues() {
    }

    /** Evaluates the KPI's query over one day, through the builder's query path. */
    @FunctionalInterface
    interface Evaluator {
        List<Report.ChartSeries> evaluate(TimeRange day);
    }

    /** The local days of {@code week}, midnight to midnight in {@code zone} (23 or 25 hours across a clock change). */
    static List<TimeRange> days(TimeRange week, ZoneId zone) {
        List<TimeRange> out = new ArrayList<>();
        LocalDate day = week.from().atZone(zone).toLocalDate();
        while (true) {
            ZonedDateTime start = day.atStartOfDay(zone);
            ZonedDateTime end = day.plusDays(1).atStartOfDay(zone);
            if (!start.toInstant().isBefore(week.to())) {
                return out;
            }
            out.add(new TimeRange(start.toInstant(), end.toInstant().isAfter(week.to()) ? week.to() : end.toInstant()));
            day = day.plusDays(1);
        }
    }

    /** Per series name, its value on each day (NaN where the day has none). */
    static Map<String, double[]> daily(Evaluator evaluator, List<TimeRange> days, String reducer) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < days.size(); i++) {
            for (Report.ChartSeries s : evaluator.evaluate(days.get(i))) {
                double[] v = out.computeIfAbsent(s.name(), k -> {
                    double[] a = new double[days.size()];
                    Arrays.fill(a, Double.NaN);
                    return a;
                });
                double x = Reducer.apply(reducer, s.values());
                v[i] = Double.isFinite(x) ? x : Double.NaN; // a ratio over a day without a denominator

            }
        }
        return out;
    }

    /** The daily values of one KPI: its series by name, or the only series of a single-valued panel. */
    static double[] of(Map<String, double[]> daily, String name, boolean single) {
        if (daily.containsKey(name)) {
            return daily.get(name);
        }
        return single && daily.size() == 1 ? daily.values().iterator().next() : new double[0];
    }

    /** The comparison of the week's daily values with the week before's; q is filled in by {@link #adjust}. */
    static KpiTest test(double[] before, double[] now) {
        int nb = finite(before);
        int na = finite(now);
        if (nb < MIN_DAYS || na < MIN_DAYS) {
            return KpiTest.untested("fewer than " + MIN_DAYS + " days with a value (" + nb + " the week before, " + na + " this week)");
        }
        return new KpiTest(BlockBootstrap.withDefaults().compare(before, now, Estimator.MEAN), Double.NaN, "");
    }

    /** The KPIs with q: Benjamini–Hochberg across the tested ones of the table. */
    static List<Report.Kpi> adjust(List<Report.Kpi> kpis) {
        double[] p = new double[kpis.size()];
        for (int i = 0; i < p.length; i++) {
            KpiTest t = kpis.get(i).test();
            p[i] = t != null && t.tested() ? t.test().pValue() : Double.NaN;
        }
        double[] q = BenjaminiHochberg.adjust(p);
        List<Report.Kpi> out = new ArrayList<>(kpis.size());
        for (int i = 0; i < p.length; i++) {
            Report.Kpi k = kpis.get(i);
            out.add(Double.isNaN(p[i]) ? k : k.withTest(k.test().withQ(q[i])));
        }
        return out;
    }

    private static int finite(double[] v) {
        int n = 0;
        for (double x : v) {
            n += Double.isFinite(x) ? 1 : 0;
        }
        return n;
    }
}
