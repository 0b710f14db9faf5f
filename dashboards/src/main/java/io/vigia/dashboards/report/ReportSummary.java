package io.vigia.dashboards.report;

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
        List<String> out = new ArrayList<>();
        if (noData) {
            out.add("No data for " + week + ": no panel had a sample in this week.");
            return out;
        }
        List<Report.Kpi> moved = kpis.stream().filter(k -> !Double.isNaN(k.change()) && Math.abs(k.change()) >= NOTABLE)
                .sorted(Comparator.comparingDouble((Report.Kpi k) -> -Math.abs(k.change()))).toList();
        for (Report.Kpi k : moved.subList(0, Math.min(moved.size(), MAX_SENTENCES))) {
            out.add(String.format(Locale.ROOT, "%s %s %.0f%% week over week (%s → %s).", k.title(),
                    k.change() > 0 ? "rose" : "fell", Math.abs(k.change()) * 100,
                    ValueFormat.format(k.previous(), k.unit()), ValueFormat.format(k.current(), k.unit())));
        }
        if (moved.isEmpty() && !kpis.isEmpty()) {
            out.add("No headline number moved by 5% or more week over week.");
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
}
