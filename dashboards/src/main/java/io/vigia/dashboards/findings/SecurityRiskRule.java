package io.vigia.dashboards.findings;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.time.TimeRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@value #RULE_ID} rule: one finding per repository whose security risk ({@link SecurityRisk})
 * reaches the threshold. The finding's score is the risk times 10 (0–100, so JMC's severity limits
 * read as risk 2.5 and 7.5); a repository whose risk is unknown is listed by the upper bound of
 * its known factors, and its title and explanation say "at most" and which factors are unknown.
 */
public final class SecurityRiskRule {
    public static final String RULE_ID = "security-risk";
    /** The start of CVSS v3.1's "medium" band: lower risks are listed in the report's table, not as findings. */
    public static final double DEFAULT_THRESHOLD = 4.0;

    private SecurityRiskRule() {
    }

    /** Findings for the repositories of {@code result} at or above {@code threshold} (risk 0–10), highest first. */
    public static List<Finding> findings(SecurityRisk.Result result, TimeRange range, double threshold) {
        if (!(threshold >= 0 && threshold <= 10)) {
            throw new IllegalArgumentException("the risk threshold is on the 0–10 scale: " + threshold);
        }
        List<Finding> out = new ArrayList<>();
        for (RiskRow row : result.byRepository()) {
            if (row.partialScore() < threshold) {
                continue;
            }
            double score = Math.min(100, 10 * row.partialScore());
            Severity severity = Severity.of(score);
            if (severity == null) {
                continue; // a threshold below 2.5 asks for rows the findings list does not show
            }
            Instant start = row.evidence().stream().map(ScoredFinding::detectedAt).min(Instant::compareTo).orElse(range.from());
            Instant end = row.evidence().stream().map(ScoredFinding::detectedAt).max(Instant::compareTo).orElse(range.to());
            out.add(new Finding(RULE_ID, severity, score, row.subject() + " security risk " + (row.known()
                    ? String.format(Locale.ROOT, "%.1f", row.score()) : String.format(Locale.ROOT, "at most %.1f", row.partialScore())),
                    explanation(row), start, end, false, evidence(row),
                    new DashboardLink(BuiltInDashboards.COPILOT_HEALTH, range.from(), range.to()), List.of()));
        }
        return out;
    }

    static String explanation(RiskRow row) {
        StringBuilder sb = new StringBuilder();
        sb.append(row.subject()).append(": security risk ").append(row.scoreText()).append(" of 10 from ").append(row.findings())
                .append(row.findings() == 1 ? " SAST finding" : " SAST findings").append(" on accepted AI suggestions");
        if (row.topCwe() != null) {
            sb.append(", most often ").append(row.topCwe());
        }
        sb.append("; ").append(row.formula());
        return sb.toString();
    }

    static Evidence.SastFindings evidence(RiskRow row) {
        List<Evidence.SastFinding> list = new ArrayList<>();
        for (ScoredFinding f : row.evidence()) {
            list.add(new Evidence.SastFinding(SecurityRisk.repository(f), f.finding().uri(), f.finding().startLine(),
                    f.finding().endLine(), f.finding().ruleId(), f.cwe(), f.detectedAt(), f.formula()));
        }
        return new Evidence.SastFindings(row.subject(), list);
    }
}
