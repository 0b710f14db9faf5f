package io.vigia.dashboards.report;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.findings.Finding;
import io.vigia.dashboards.findings.RiskRow;
import io.vigia.dashboards.findings.ScoredFinding;
import io.vigia.dashboards.findings.SecurityRisk;
import io.vigia.dashboards.findings.SecurityRiskRule;
import io.vigia.dashboards.time.TimeRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report's security risk tables, per repository and per team, for the SAST findings on
 * accepted AI suggestions detected in the week ({@link SecurityRisk}): the score or, where a factor
 * is unknown, "unknown: at most …" with the factors missing, the formula with the numbers of the
 * finding that sets it, the counts, the CWE found most often and the findings themselves. A seam of
 * its own, so that {@link ReportBuilder} only adds the tables it returns.
 */
public final class SecurityRiskSection {
    public static final String REPOSITORY_TITLE = "Security risk by repository: SAST findings on accepted AI suggestions";
    public static final String TEAM_TITLE = "Security risk by team: SAST findings on accepted AI suggestions";
    static final int EVIDENCE_SHOWN = 3;

    private SecurityRiskSection() {
    }

    /** The repository table, then the team table. */
    public static List<Report.Table> tables(SecurityRisk risk, TimeRange week) {
        SecurityRisk.Result r = risk.compute(week.from(), week.to());
        return List.of(table(REPOSITORY_TITLE, "Repository", r.byRepository(), week),
                table(TEAM_TITLE, "Team", r.byTeam(), week));
    }

    /** A finder that adds the {@link SecurityRiskRule} findings of {@code risk} to what {@code base} finds. */
    public static FindingsSection.Finder withRiskFindings(FindingsSection.Finder base, SecurityRisk risk) {
        return (source, bindings, week, zone) -> {
            List<Finding> out = new ArrayList<>(base.find(source, bindings, week, zone));
            out.addAll(SecurityRiskRule.findings(risk.compute(week.from(), week.to()), week, SecurityRiskRule.DEFAULT_THRESHOLD));
            out.sort(Comparator.comparingDouble(Finding::score).reversed().thenComparing(Finding::start));
            return out;
        };
    }

    static Report.Table table(String title, String subject, List<RiskRow> rows, TimeRange week) {
        List<List<String>> cells = new ArrayList<>();
        for (RiskRow row : rows) {
            cells.add(List.of(row.subject(), row.scoreText(), row.worst().formula(), Integer.toString(row.findings()),
                    Integer.toString(row.complete()), row.topCwe() == null ? "–" : row.topCwe(), evidence(row, week)));
        }
        return new Report.Table(title, List.of(subject, "Risk (0–10)", "Formula of the highest finding", "Findings",
                "All factors known", "Top CWE", "Evidence"), List.of("", "", "", "short", "short", "", ""), cells,
                rows.isEmpty() ? "No SAST finding on an accepted AI suggestion was detected this week."
                        : "Risk = severity × exploitability × exposure per finding (security-severity or the level's band; "
                        + "ai/exploitability as CVSS v3.1 exploit code maturity; the declared exposure or ai/attackerPosition as "
                        + "CVSS v3.1 attack vector), the highest of the row. A factor the log and the workspace do not state is "
                        + "unknown, and the score is then an upper bound (\"at most\"); docs/security-risk.md.");
    }

    private static String evidence(RiskRow row, TimeRange week) {
        String shown = row.evidence().stream().limit(EVIDENCE_SHOWN).map(SecurityRiskSection::where)
                .collect(Collectors.joining("; "));
        int more = row.evidence().size() - EVIDENCE_SHOWN;
        return shown + (more > 0 ? "; and " + more + " more" : "") + " (" + BuiltInDashboards.COPILOT_HEALTH + " "
                + week.from() + " – " + week.to() + ")";
    }

    private static String where(ScoredFinding f) {
        return f.finding().uri() + ":" + f.finding().startLine() + " " + f.finding().ruleId();
    }
}
