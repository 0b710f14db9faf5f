package io.vigia.dashboards.report;

import io.vigia.dashboards.analytics.stats.JensenShannonTest;
import io.vigia.dashboards.analytics.stats.TwoSampleTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The "what changed" paragraph, written by rules from the numbers: the largest week-over-week
 * moves first (a move of 5% or more counts), then what could not be computed. No text is made
 * up: every sentence cites the two values it compares.
 */
public final class ReportSummary {
    static final double NOTABLE = 0.05;
    static final int MAX_SENTENCES = 6;

    private ReportSummary() {
    }

    public static List<String> write(IsoWeek week, List<Report.Kpi> kpis, List<String> problems, boolean noData) {
        return write(week, kpis, List.of(), problems, noData);
    }

    /**
     * As above, plus sentences from the weekly evidence tables: deploys that moved their service's
     * p95 latency by 25% or more, model inputs whose drift verdict is DRIFT, and the SAST rule
     * most often found on accepted suggestions.
     */
    public static List<String> write(IsoWeek week, List<Report.Kpi> kpis, List<Report.Table> evidence, List<String> problems,
                                     boolean noData) {
        List<String> out = new ArrayList<>();
        if (noData) {
            out.add("No data for " + week + ": no panel had a sample in this week.");
            return out;
        }
        List<Report.Kpi> moved = kpis.stream().filter(k -> !Double.isNaN(k.change()) && Math.abs(k.change()) >= NOTABLE)
                .sorted(Comparator.comparingDouble((Report.Kpi k) -> -Math.abs(k.change()))).toList();
        for (Report.Kpi k : moved.subList(0, Math.min(moved.size(), MAX_SENTENCES))) {
            out.add(String.format(Locale.ROOT, "%s %s %.0f%% week over week (%s → %s)%s.", k.title(),
                    k.change() > 0 ? "rose" : "fell", Math.abs(k.change()) * 100,
                    ValueFormat.format(k.previous(), k.unit()), ValueFormat.format(k.current(), k.unit()), verdict(k.test())));
        }
        if (moved.isEmpty() && !kpis.isEmpty()) {
            out.add("No headline number moved by 5% or more week over week.");
        }
        for (Report.Table t : evidence) {
            out.addAll(switch (t.title()) {
                case WeeklyEvidence.DEPLOYS_TITLE -> deploys(t);
                case WeeklyEvidence.DRIFT_TITLE -> drift(t);
                case WeeklyEvidence.SAST_TITLE -> sast(t);
                default -> List.<String>of();
            });
        }
        long newNumbers = kpis.stream().filter(k -> Double.isNaN(k.previous()) && !Double.isNaN(k.current())).count();
        if (newNumbers > 0) {
            out.add(newNumbers + (newNumbers == 1 ? " number has" : " numbers have") + " no value for the week before to compare with.");
        }
        if (!problems.isEmpty()) {
            out.add("This report is partial: " + problems.size() + (problems.size() == 1 ? " panel" : " panels")
                    + " could not be computed (see the end of the report).");
        }
        return out;
    }

    /**
     * What the daily values say about a move: nothing added without a test (a caller that did not
     * test), else significant (p and q), within the day-to-day variation (q), or untested (why).
     */
    static String verdict(KpiTest t) {
        if (t == null) {
            return "";
        }
        if (!t.tested()) {
            return "; not tested: " + t.why();
        }
        String p = TwoSampleTest.formatP(t.test().pValue(), t.test().resamples());
        return t.significant() ? String.format(Locale.ROOT, "; daily values p = %s, q = %.3g", p, t.q())
                : String.format(Locale.ROOT, ", within the day-to-day variation (daily values p = %s, q = %.3g)", p, t.q());
    }

    static final double NOTABLE_LATENCY = 0.25;

    /** Columns as WeeklyEvidence writes them: When, Service, Version, p95 before, p95 after, Change, ... */
    private static List<String> deploys(Report.Table t) {
        List<String> out = new ArrayList<>();
        for (List<String> row : t.rows()) {
            double change = number(row.get(5));
            if (!Double.isNaN(change) && Math.abs(change) >= NOTABLE_LATENCY) {
                out.add(String.format(Locale.ROOT, "After the deploy of %s %s (%s), p95 latency was %.0f%% %s (%s → %s, 24 hours before and after).",
                        row.get(1), row.get(2), row.get(0), Math.abs(change) * 100, change > 0 ? "higher" : "lower",
                        ValueFormat.format(number(row.get(3)), "s"), ValueFormat.format(number(row.get(4)), "s")));
            }
        }
        return out;
    }

    /**
     * Columns: Feature, Verdict, Jensen–Shannon, PSI, Requests, JS 95% CI, p, q, Test. Only a DRIFT
     * verdict that holds (q below 0.05) makes a sentence.
     */
    private static List<String> drift(Report.Table t) {
        List<String> out = new ArrayList<>();
        for (List<String> row : t.rows()) {
            if (row.get(1).equals("DRIFT")) {
                out.add(String.format(Locale.ROOT, "Model input %s drifted from the week before (Jensen–Shannon distance %.3f, "
                        + "95%% CI %s, PSI %.3f; p = %s, q = %.3g, block permutation test).", row.get(0), number(row.get(2)),
                        row.get(5), number(row.get(3)), TwoSampleTest.formatP(number(row.get(6)), JensenShannonTest.DEFAULT_RESAMPLES),
                        number(row.get(7))));
            }
        }
        return out;
    }

    /** Columns: Rule, CWE, This week, Week before, Change; sorted by this week's count. */
    private static List<String> sast(Report.Table t) {
        if (t.rows().isEmpty()) {
            return List.of();
        }
        List<String> top = t.rows().getFirst();
        return List.of(String.format(Locale.ROOT, "The SAST rule most often found on accepted AI suggestions was %s (%s): %s findings, %s the week before.",
                top.get(0), top.get(1), ValueFormat.format(number(top.get(2)), "short"), ValueFormat.format(number(top.get(3)), "short")));
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
