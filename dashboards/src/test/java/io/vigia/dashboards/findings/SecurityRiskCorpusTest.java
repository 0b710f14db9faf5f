package io.vigia.dashboards.findings;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.report.FindingsSection;
import io.vigia.dashboards.report.IsoWeek;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportBuilder;
import io.vigia.dashboards.report.SecurityRiskSection;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.sarif.AcceptedSuggestionsImporter;
import io.vigia.datasources.sarif.AcceptedSuggestionsParser;
import io.vigia.datasources.sarif.SarifImporter;
import io.vigia.persistence.evidence.RepositoryExposureRepository;
import io.vigia.persistence.evidence.RepositoryExposureRepository.Exposure;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import io.vigia.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The SARIF SDK's AI-profile example (corpus/sarif/sarifsdk-docs-ai-example.sarif): a command
 * injection with {@code ai/exploitability: demonstrated} at src/handler.py:42 and an unbounded
 * timeout, {@code theoretical}, at line 39, both from an unauthenticated network position. The
 * log gives no scan time, so the import time counts (a fixed clock); an accepted suggestion
 * covering lines 37–46 a day earlier ties both to it. The suggestion names its user, whose team
 * comes from the Copilot user-teams report.
 */
@NeedsSharedCorpus("corpus/sarif")
class SecurityRiskCorpusTest {
    private static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    private static final String REPO = "https://dev.azure.com/contoso/my-project/_git/my-service";
    private static final String KEY = "dev.azure.com/contoso/my-project/_git/my-service";

    @TempDir
    Path dir;

    private Workspace workspace() throws IOException {
        Workspace ws = Workspace.open(dir.resolve("ws.vigia"), Clock.fixed(NOW, ZoneOffset.UTC));
        try (SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            String line = "{\"id\":\"s-1\",\"accepted_at\":\"2026-11-17T09:30:00Z\",\"repository\":\"" + REPO + "\","
                    + "\"path\":\"src/handler.py\",\"start_line\":37,\"end_line\":46,\"language\":\"python\","
                    + "\"model\":\"gpt-4o\",\"user\":\"Mona\"}";
            AcceptedSuggestionsParser.Result parsed = AcceptedSuggestionsParser.parse(new StringReader(line));
            assertThat(parsed.suggestions()).singleElement().satisfies(p -> assertThat(p.user()).isEqualTo("Mona"));
            new AcceptedSuggestionsImporter(ws, store).importSuggestions(parsed.suggestions(), "test");
            SarifImporter.Result r = new SarifImporter(ws, store).importFile(SharedCorpus.path("corpus", "sarif",
                    "sarifsdk-docs-ai-example.sarif"));
            assertThat(r.attributed()).isEqualTo(2);
        }
        // the user-teams report: mona on "api-platform" (the day before: the report of the acceptance day is not in yet)
        ws.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO copilot_team_members(scope, day, team_id, user_id, slug, "
                    + "user_login) VALUES ('contoso', '2026-11-16', '7', '42', 'api-platform', 'mona')")) {
                return ps.executeUpdate();
            }
        });
        return ws;
    }

    @Test
    void demonstratedAndTheoreticalFindingsScoreWithTheirCvssMaturityOnceExposureIsDeclared() throws IOException {
        try (Workspace ws = workspace()) {
            new RepositoryExposureRepository(ws).declare(REPO, Exposure.INTERNET, "public load balancer");
            SecurityRisk.Result result = SecurityRisk.load(ws).compute(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(1));

            RiskRow repo = result.byRepository().getFirst();
            assertThat(result.byRepository()).hasSize(1);
            assertThat(repo.subject()).isEqualTo(KEY);
            assertThat(repo.findings()).isEqualTo(2);
            assertThat(repo.complete()).isEqualTo(2);
            assertThat(repo.known()).isTrue();
            // level error without security-severity: high, at least 7.0; demonstrated: CVSS E:F 0.97; internet-facing: AV:N 1.0
            assertThat(repo.score()).isCloseTo(7.0 * 0.97, within(1e-12));
            assertThat(repo.scoreText()).isEqualTo("6.8");
            assertThat(repo.topCwe()).isEqualTo("CWE-20"); // one each of CWE-20 and CWE-78: the lower id on a tie
            ScoredFinding worst = repo.worst();
            assertThat(worst.finding().ruleId()).isEqualTo("CWE-78/api-handler");
            assertThat(worst.formula()).isEqualTo("severity 7.0 (level error: high, at least 7.0) × exploitability 0.97 "
                    + "(ai/exploitability demonstrated: CVSS E:F) × exposure 1.0 (declared internet-facing: CVSS AV:N) = 6.8");
            ScoredFinding timeout = repo.evidence().get(1);
            assertThat(timeout.finding().ruleId()).isEqualTo("CWE-20/timeout-unbounded");
            assertThat(timeout.risk()).isCloseTo(4.0 * 0.91, within(1e-12)); // warning: medium, at least 4.0; theoretical: E:U

            RiskRow team = result.byTeam().getFirst();
            assertThat(result.byTeam()).extracting(RiskRow::subject).containsExactly("api-platform");
            assertThat(team.score()).isEqualTo(repo.score());

            List<Finding> findings = SecurityRiskRule.findings(result, new TimeRange(NOW.minus(Duration.ofDays(7)), NOW),
                    SecurityRiskRule.DEFAULT_THRESHOLD);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.title()).isEqualTo(KEY + " security risk 6.8");
                assertThat(f.score()).isCloseTo(67.9, within(1e-9));
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(((Evidence.SastFindings) f.evidence()).findings()).extracting(Evidence.SastFinding::startLine)
                        .containsExactly(42, 39);
            });
        }
    }

    @Test
    void withoutADeclarationTheExposureIsUnknownAndTheScoreAnUpperBound() throws IOException {
        try (Workspace ws = workspace()) {
            SecurityRisk.Result result = SecurityRisk.load(ws).compute(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(1));
            RiskRow repo = result.byRepository().getFirst();
            assertThat(repo.known()).isFalse();
            assertThat(repo.score()).isNaN();
            assertThat(repo.partialScore()).isCloseTo(7.0 * 0.97, within(1e-12));
            assertThat(repo.unknownExploitability()).isZero();
            assertThat(repo.scoreText()).isEqualTo("unknown: at most 6.8 (exposure unknown for 2 of 2 findings)");
            assertThat(repo.worst().exposure().value()).isNaN();

            List<Report.Table> tables = SecurityRiskSection.tables(SecurityRisk.load(ws),
                    new TimeRange(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(1)));
            assertThat(tables).extracting(Report.Table::title)
                    .containsExactly(SecurityRiskSection.REPOSITORY_TITLE, SecurityRiskSection.TEAM_TITLE);
            List<String> row = tables.getFirst().rows().getFirst();
            assertThat(row.subList(0, 2)).containsExactly(KEY, "unknown: at most 6.8 (exposure unknown for 2 of 2 findings)");
            assertThat(row.get(2)).endsWith("= at most 6.8 (exposure unknown)");
            assertThat(row.subList(3, 6)).containsExactly("2", "0", "CWE-20");
            assertThat(row.get(6)).startsWith("src/handler.py:42 CWE-78/api-handler; src/handler.py:39 CWE-20/timeout-unbounded");
        }
    }

    @Test
    void aWeeklyReportCarriesTheTablesAndTheFindingsSection() throws IOException {
        try (Workspace ws = workspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            new RepositoryExposureRepository(ws).declare(REPO, Exposure.INTERNET, "");
            SecurityRisk risk = SecurityRisk.load(ws);
            Dashboard d = new Dashboard("d", "D", List.of(), "now-7d", "now", "", List.of(), List.of(), List.of());
            Report r = new ReportBuilder(new LocalPromqlSource("local", store), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5))
                    .withSecurityRisk(risk).withFindings(SecurityRiskSection.withRiskFindings((source, bindings, week, zone) -> List.of(), risk))
                    .build(d, IsoWeek.parse("2026-W47"), ZoneOffset.UTC);
            assertThat(r.sections()).extracting(Report.Section::title).containsExactly(FindingsSection.TITLE,
                    SecurityRiskSection.REPOSITORY_TITLE, SecurityRiskSection.TEAM_TITLE);
            Report.Table findings = (Report.Table) r.sections().getFirst();
            assertThat(findings.rows()).singleElement().satisfies(row -> assertThat(row.get(1))
                    .startsWith(KEY + ": security risk 6.8 of 10 from 2 SAST findings on accepted AI suggestions, most often CWE-20"));
            assertThat(findings.note()).startsWith("Repositories whose SAST findings").endsWith("Times in Z.");
            assertThat(((Report.Table) r.sections().get(2)).rows()).extracting(row -> row.get(0)).containsExactly("api-platform");
        }
    }

    @Test
    void aSuggestionWithoutUserOrTeamIsInTheUnknownTeam() throws IOException {
        try (Workspace ws = workspace()) {
            ws.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM copilot_team_members")) {
                    return ps.executeUpdate();
                }
            });
            SecurityRisk.Result result = SecurityRisk.load(ws).compute(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(1));
            assertThat(result.byTeam()).extracting(RiskRow::subject).containsExactly(SecurityRisk.UNKNOWN_TEAM);
        }
    }
}
