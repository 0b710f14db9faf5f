package io.vigia.datasources.copilot;

import java.util.List;

/**
 * The two acceptance rates team leads ask for, each with the definition the UI shows next to it
 * (copilot-metrics-viewer #72 and #113: a single unlabelled "acceptance rate" confused users).
 */
public enum AcceptanceRate {
    BY_COUNT("Acceptance rate (by count)",
            "accepted suggestions ÷ suggestions shown, full and partial acceptances counted; "
                    + "on the usage reports (since April 2026): code-completion acceptance activities ÷ generation activities"),
    BY_LINES("Acceptance rate (by lines)",
            "lines accepted ÷ lines suggested; on the usage reports: code-completion lines added ÷ lines suggested to add");

    private final String title;
    private final String definition;

    AcceptanceRate(String title, String definition) {
        this.title = title;
        this.definition = definition;
    }

    public String title() {
        return title;
    }

    public String definition() {
        return definition;
    }

    /** The rate over some days, NaN when nothing was suggested (not 0: "no data" is not "no acceptance"). */
    public double over(List<CopilotDay> days) {
        long num = 0;
        long den = 0;
        for (CopilotDay d : days) {
            CompletionCounts t = d.totals();
            num += this == BY_COUNT ? t.acceptances() : t.linesAccepted();
            den += this == BY_COUNT ? t.suggestions() : t.linesSuggested();
        }
        return den == 0 ? Double.NaN : (double) num / den;
    }

    /** PromQL for the rate over a dashboard range from the imported daily series. */
    public String promql(String scopeMatcher) {
        String num = this == BY_COUNT ? CopilotSeries.ACCEPTANCES : CopilotSeries.LINES_ACCEPTED;
        String den = this == BY_COUNT ? CopilotSeries.SUGGESTIONS : CopilotSeries.LINES_SUGGESTED;
        return "sum(sum_over_time(" + num + scopeMatcher + "[$__range])) / sum(sum_over_time(" + den + scopeMatcher + "[$__range]))";
    }
}
