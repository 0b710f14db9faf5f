package io.vigia.dashboards.report;

import io.vigia.dashboards.analytics.stats.TwoSampleTest;

import java.util.Locale;

/**
 * A KPI's week-over-week change tested on its daily values ({@link KpiDailyValues}): the 7 days of
 * this week against the 7 of the week before, compared with the circular block bootstrap (the
 * mean of the daily values, after − before, with its 95% interval and p-value), and the p-value
 * adjusted with Benjamini–Hochberg across the report's KPIs.
 *
 * @param test the comparison, null when it could not be made ({@code why} says)
 * @param q    the adjusted p-value, NaN without a test
 */
public record KpiTest(TwoSampleTest test, double q, String why) {
    /** The false discovery rate of the KPI table's changes. */
    public static final double ALPHA = 0.05;
    /** The sentence under the KPI table in every format, saying what the test columns are. */
    public static final String NOTE = "The change of the mean daily value with its 95% interval, from the 7 daily values of "
            + "each week (circular block bootstrap: consecutive days are not independent); p of no change, q adjusted with "
            + "Benjamini–Hochberg across these numbers. A change with q of 0.05 or more is within the day-to-day variation. "
            + "docs/statistics.md.";

    public static KpiTest untested(String why) {
        return new KpiTest(null, Double.NaN, why);
    }

    public KpiTest withQ(double adjusted) {
        return new KpiTest(test, adjusted, why);
    }

    public boolean tested() {
        return test != null;
    }

    public boolean significant() {
        return tested() && q < ALPHA;
    }

    /** "n = 7 / 7 days; Δ mean daily value +0.012 [−0.003, +0.027]; p = 0.09, q = 0.21" or "untested: …". */
    public String summary(String unit) {
        if (!tested()) {
            return "untested: " + why;
        }
        return String.format(Locale.ROOT, "n = %d / %d days; Δ mean daily value %s [%s, %s]; p = %s, q = %s", test.nBefore(),
                test.nAfter(), signed(test.difference(), unit), signed(test.differenceInterval().lower(), unit),
                signed(test.differenceInterval().upper(), unit), TwoSampleTest.formatP(test.pValue(), test.resamples()),
                String.format(Locale.ROOT, "%.3g", q));
    }

    /** The change of the mean daily value with its interval, "+0.012 [−0.003, +0.027]"; "–" without a test. */
    public String changeCell(String unit) {
        return tested() ? signed(test.difference(), unit) + " [" + signed(test.differenceInterval().lower(), unit) + ", "
                + signed(test.differenceInterval().upper(), unit) + "]" : "–";
    }

    /** "0.09 · 0.21" (p · q), "untested" without a test. */
    public String pqCell() {
        return tested() ? TwoSampleTest.formatP(test.pValue(), test.resamples()) + " · " + String.format(Locale.ROOT, "%.3g", q)
                : "untested";
    }

    private static String signed(double v, String unit) {
        String s = ValueFormat.format(Math.abs(v), unit);
        return (v < 0 ? "−" : "+") + s;
    }
}
