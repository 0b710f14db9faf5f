package io.vigia.dashboards.findings;

import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.sarif.AcceptedSuggestionsImporter;
import io.vigia.datasources.sarif.AcceptedSuggestionsParser;
import io.vigia.datasources.sarif.SarifImporter;
import io.vigia.datasources.simulator.AuditFilesSink;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.persistence.evidence.RepositoryExposureRepository;
import io.vigia.persistence.evidence.RepositoryExposureRepository.Exposure;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security risk of the simulator's audit trail: its SARIF (CodeQL and Semgrep rules with
 * security-severity, no AI profile) and accepted suggestions imported as a user would. No log
 * states exploitability and no repository's exposure is declared, so every score is unknown, with
 * the upper bound the severity gives; declaring exposure fills that factor and only that one.
 */
class SecurityRiskOnTheSimulatorTest {
    private static final Instant END = Instant.parse("2026-11-16T00:00:00Z");
    private static final Instant START = END.minus(Duration.ofDays(7));

    @TempDir
    static Path audit;
    @TempDir
    Path dir;

    @BeforeAll
    static void simulate() throws IOException {
        FleetSimulator.run(42, START.toEpochMilli(), END.toEpochMilli(), 300_000, new AuditFilesSink(audit));
    }

    private static int importAudit(Workspace ws) throws IOException {
        try (SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            Path suggestions = audit.resolve(AuditFilesSink.SUGGESTIONS_FILE);
            try (Reader r = Files.newBufferedReader(suggestions, StandardCharsets.UTF_8)) {
                new AcceptedSuggestionsImporter(ws, store).importSuggestions(AcceptedSuggestionsParser.parse(r).suggestions(), "sim");
            }
            int attributed = 0;
            try (Stream<Path> files = Files.list(audit.resolve(AuditFilesSink.SARIF_DIR))) {
                for (Path f : files.sorted().toList()) {
                    attributed = new SarifImporter(ws, store).importFile(f).attributed();
                }
            }
            return attributed;
        }
    }

    @Test
    void withNothingStatedEveryScoreIsUnknownAndBoundedBySeverityAlone() throws IOException {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            int attributed = importAudit(ws);
            SecurityRisk risk = SecurityRisk.load(ws);
            // every attributed finding was detected by the nightly scans after the week began (scans run at 02:00 the next day)
            List<ScoredFinding> scored = risk.scored(START, END.plus(Duration.ofDays(2)));
            assertThat(attributed).isPositive();
            assertThat(scored).hasSize(attributed);
            assertThat(scored).allSatisfy(f -> {
                assertThat(f.severity().known()).isTrue();
                assertThat(f.exploitability().known()).isFalse();
                assertThat(f.exploitability().value()).isNaN(); // never taken as 1.0
                assertThat(f.exposure().known()).isFalse();
                assertThat(f.risk()).isNaN();
                assertThat(f.partial()).isEqualTo(f.severity().value());
                assertThat(f.formula()).contains("exploitability unknown (no ai/exploitability in the log)")
                        .contains("exposure unknown (the repository's exposure is not declared)")
                        .contains("exploitability and exposure unknown");
            });

            SecurityRisk.Result result = risk.compute(START, END.plus(Duration.ofDays(2)));
            assertThat(result.byRepository()).isNotEmpty();
            for (RiskRow row : result.byRepository()) {
                assertThat(row.known()).isFalse();
                assertThat(row.complete()).isZero();
                double maxSeverity = row.evidence().stream().mapToDouble(f -> f.severity().value()).max().orElseThrow();
                assertThat(row.partialScore()).isEqualTo(maxSeverity);
                assertThat(row.scoreText()).startsWith("unknown: at most ")
                        .endsWith("(exploitability unknown for " + row.findings() + " of " + row.findings()
                                + (row.findings() == 1 ? " finding" : " findings") + "; exposure unknown for " + row.findings()
                                + " of " + row.findings() + (row.findings() == 1 ? " finding)" : " findings)"));
                assertThat(row.subject()).startsWith("github.com/");
                assertThat(row.topCwe()).startsWith("CWE-");
            }
            // every finding is in exactly one repository row, and in the row of its suggestion's team
            assertThat(result.byRepository().stream().mapToInt(RiskRow::findings).sum()).isEqualTo(attributed);
            assertThat(result.byTeam().stream().mapToInt(RiskRow::findings).sum()).isEqualTo(attributed);
            assertThat(result.byTeam()).extracting(RiskRow::subject).doesNotContain(SecurityRisk.UNKNOWN_TEAM);
            for (RiskRow team : result.byTeam()) {
                assertThat(team.evidence()).allSatisfy(f -> assertThat(f.suggestion().team()).isEqualTo(team.subject()));
            }

            // the rule lists the repositories whose upper bound reaches 4.0, and says "at most"
            TimeRange range = new TimeRange(START, END.plus(Duration.ofDays(2)));
            List<Finding> findings = SecurityRiskRule.findings(result, range, SecurityRiskRule.DEFAULT_THRESHOLD);
            long expected = result.byRepository().stream().filter(r -> r.partialScore() >= 4.0).count();
            assertThat(findings).hasSize((int) expected).isNotEmpty();
            assertThat(findings).allSatisfy(f -> {
                assertThat(f.ruleId()).isEqualTo(SecurityRiskRule.RULE_ID);
                assertThat(f.title()).contains("security risk at most");
                assertThat(f.explanation()).contains("exploitability unknown").contains("risk = max over findings");
                assertThat(f.evidence()).isInstanceOf(Evidence.SastFindings.class);
                assertThat(f.severity()).isEqualTo(Severity.of(f.score()));
            });
        }
    }

    @Test
    void declaringExposureFillsThatFactorOnly() throws IOException {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            importAudit(ws);
            List<RiskRow> before = SecurityRisk.load(ws).compute(START, END.plus(Duration.ofDays(2))).byRepository();
            assertThat(before).hasSizeGreaterThanOrEqualTo(2);
            String internet = before.get(0).subject();
            String internal = before.get(1).subject();
            RepositoryExposureRepository exposure = new RepositoryExposureRepository(ws);
            // declared as a clone URL and in GitHub's short form: the same repositories as the SARIF's https URIs
            exposure.declare("git@github.com:" + internet.substring("github.com/".length()) + ".git", Exposure.INTERNET, "public API");
            exposure.declare(internal.substring("github.com/".length()).toUpperCase(java.util.Locale.ROOT), Exposure.INTERNAL, "");

            SecurityRisk.Result after = SecurityRisk.load(ws).compute(START, END.plus(Duration.ofDays(2)));
            RiskRow pub = row(after, internet);
            RiskRow inner = row(after, internal);
            assertThat(pub.evidence()).allSatisfy(f -> {
                assertThat(f.exposure().value()).isEqualTo(1.0);
                assertThat(f.exposure().basis()).isEqualTo("declared internet-facing: CVSS AV:N");
                assertThat(f.exploitability().known()).isFalse();
            });
            assertThat(inner.evidence()).allSatisfy(f -> assertThat(f.exposure().value()).isEqualTo(0.62 / 0.85));
            // exploitability is still unknown: still an upper bound, now only for that factor
            assertThat(pub.known()).isFalse();
            assertThat(pub.unknownExposure()).isZero();
            assertThat(pub.unknownExploitability()).isEqualTo(pub.findings());
            assertThat(pub.partialScore()).isEqualTo(row(before, internet).partialScore());
            assertThat(inner.partialScore()).isCloseTo(row(before, internal).partialScore() * 0.62 / 0.85, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(pub.scoreText()).doesNotContain("exposure unknown");
            // the others stay unknown
            after.byRepository().stream().filter(r -> !r.subject().equals(internet) && !r.subject().equals(internal))
                    .forEach(r -> assertThat(r.unknownExposure()).isEqualTo(r.findings()));
        }
    }

    private static RiskRow row(SecurityRisk.Result r, String subject) {
        return row(r.byRepository(), subject);
    }

    private static RiskRow row(List<RiskRow> rows, String subject) {
        return rows.stream().filter(x -> x.subject().equals(subject)).findFirst().orElseThrow();
    }
}
