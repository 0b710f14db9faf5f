package io.vigia.dashboards.findings;

import java.util.List;
import java.util.Locale;

/**
 * The security risk of one repository or team: the highest risk of its SAST findings on accepted
 * AI suggestions ({@link ScoredFinding}), how many findings there are and how many have all three
 * factors known, the CWE found most often and the formula of the finding that sets the score.
 *
 * @param score        the highest risk (0–10) when every finding's factors are known; NaN otherwise
 * @param partialScore the highest product of the known factors: equal to {@code score} when that is
 *                     known, else an upper bound of it
 * @param unknownExploitability findings whose exploitability is unknown
 * @param unknownExposure       findings whose exposure is unknown
 * @param topCwe       the most frequent CWE, null when no finding names one
 * @param worst        the finding with the highest (partial) risk, whose formula the row shows
 * @param evidence     every finding of the row, highest risk first
 */
public record RiskRow(Scope scope, String subject, int findings, int complete, double score, double partialScore,
                      int unknownExploitability, int unknownExposure, String topCwe, ScoredFinding worst,
                      List<ScoredFinding> evidence) {
    public RiskRow {
        evidence = List.copyOf(evidence);
    }

    /** What a row groups by. */
    public enum Scope {
        REPOSITORY, TEAM
    }

    public boolean known() {
        return !Double.isNaN(score);
    }

    /** "8.5", or "unknown: at most 8.8 (exploitability unknown for 12 of 12 findings)". */
    public String scoreText() {
        if (known()) {
            return String.format(Locale.ROOT, "%.1f", score);
        }
        return String.format(Locale.ROOT, "unknown: at most %.1f (%s)", partialScore, missingText());
    }

    /** "exploitability unknown for 12 of 12 findings; exposure unknown for 3 of 12", empty when nothing is missing. */
    public String missingText() {
        StringBuilder sb = new StringBuilder();
        if (unknownExploitability > 0) {
            sb.append("exploitability unknown for ").append(unknownExploitability).append(" of ").append(findings)
                    .append(findings == 1 ? " finding" : " findings");
        }
        if (unknownExposure > 0) {
            sb.append(sb.isEmpty() ? "" : "; ").append("exposure unknown for ").append(unknownExposure).append(" of ")
                    .append(findings).append(findings == 1 ? " finding" : " findings");
        }
        return sb.toString();
    }

    /** The general formula, then the numbers of the finding that sets the score. */
    public String formula() {
        return "risk = max over findings of severity × exploitability × exposure; highest: " + worst.formula();
    }
}
