package io.vigia.datasources.sarif;

import io.vigia.persistence.evidence.SarifFindingRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import io.vigia.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SARIF SDK's AI profile properties ({@code ai/exploitability}, {@code ai/attackerPosition})
 * are read per result and stored; a value outside the profile's vocabulary is unknown, with a
 * warning, not a guess. A result's own {@code security-severity} wins over its rule's.
 */
class SarifAiProfileTest {
    @TempDir
    Path dir;

    @Test
    @NeedsSharedCorpus("corpus/sarif")
    void theSdkExampleStatesDemonstratedAndTheoreticalFindingsReachableFromTheNetwork() throws IOException {
        Path file = SharedCorpus.path("corpus", "sarif", "sarifsdk-docs-ai-example.sarif");
        SarifLog log = SarifParser.parse(file);
        List<SarifResult> results = log.runs().getFirst().results();
        assertThat(results).extracting(SarifResult::ruleId).containsExactly("CWE-78/api-handler", "CWE-20/timeout-unbounded");
        assertThat(results).extracting(SarifResult::exploitability)
                .containsExactly(Exploitability.DEMONSTRATED, Exploitability.THEORETICAL);
        assertThat(results).extracting(SarifResult::attackerPosition)
                .containsExactly("unauthenticated-network", "unauthenticated-network");
        // neither the rules nor the results carry security-severity: severity comes from the level
        assertThat(results).extracting(SarifResult::securityScore).containsOnlyNulls();
        assertThat(log.warnings()).isEmpty();

        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            assertThat(new SarifImporter(ws).importFile(file).imported()).isEqualTo(2);
            List<SarifFindingRepository.Finding> rows = new SarifFindingRepository(ws).inFile(null, "src/handler.py");
            assertThat(rows).extracting(SarifFindingRepository.Finding::exploitability).containsExactly("theoretical", "demonstrated");
            assertThat(rows).extracting(SarifFindingRepository.Finding::attackerPosition).containsOnly("unauthenticated-network");
            assertThat(rows).extracting(SarifFindingRepository.Finding::level).containsExactly("warning", "error");
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/sarif")
    void aToolWithoutTheProfileLeavesBothUnknown() throws IOException {
        SarifLog log = SarifParser.parse(SharedCorpus.path("corpus", "sarif", "s2slack-codeql-ruby.sarif"));
        assertThat(log.runs().getFirst().results()).allSatisfy(r -> {
            assertThat(r.exploitability()).isNull();
            assertThat(r.attackerPosition()).isNull();
        });
    }

    @Test
    void aValueOutsideTheVocabularyIsUnknownAndSaidSo() {
        SarifLog log = parse("""
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T","rules":[
                  {"id":"r1","properties":{"security-severity":"5.0"}}]}},
                 "results":[
                  {"ruleId":"r1","message":{"text":"a"},"properties":{"ai/exploitability":"likely","ai/attackerPosition":"  "}},
                  {"ruleId":"r1","message":{"text":"b"},"properties":{"ai/exploitability":"Demonstrated"}},
                  {"ruleId":"r1","message":{"text":"c"},"properties":{"ai/exploitability":"poc","security-severity":"9.1"}}]}]}
                """);
        List<SarifResult> results = log.runs().getFirst().results();
        // the validator (AI2014) compares ordinally: "Demonstrated" is not a value of the profile
        assertThat(results).extracting(SarifResult::exploitability).containsExactly(null, null, Exploitability.POC);
        assertThat(results.getFirst().attackerPosition()).isNull();
        assertThat(log.warnings()).containsExactly(
                "run 1: 2 result(s) have an `ai/exploitability` other than demonstrated, poc or theoretical; read as unknown");
        assertThat(results).extracting(SarifResult::securityScore).containsExactly(5.0, 5.0, 9.1);
        assertThat(results.get(2).severity()).isEqualTo(SecuritySeverity.CRITICAL);
    }

    private static SarifLog parse(String json) {
        return SarifParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
