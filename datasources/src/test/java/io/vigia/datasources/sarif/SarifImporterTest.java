package io.vigia.datasources.sarif;

import io.vigia.persistence.evidence.SarifFindingRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SarifImporterTest {
    private static final Path CORPUS = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "sarif");

    @TempDir
    Path dir;

    @Test
    @NeedsSharedCorpus("corpus/sarif")
    void importsFindingsOnceAndKeepsWhatMatters() throws IOException {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            SarifImporter importer = new SarifImporter(ws);
            SarifImporter.Result r = importer.importFile(CORPUS.resolve("s2slack-codeql-ruby.sarif"));
            assertThat(r).isEqualTo(new SarifImporter.Result(1, 4, 4, 0, List.of()));
            assertThat(importer.importFile(CORPUS.resolve("s2slack-codeql-ruby.sarif")))
                    .isEqualTo(new SarifImporter.Result(1, 4, 0, 4, List.of()));

            List<SarifFindingRepository.Finding> rows = new SarifFindingRepository(ws).inFile(null, "script.rb");
            assertThat(rows).hasSize(4);
            SarifFindingRepository.Finding csrf = rows.getFirst();
            assertThat(csrf.ruleId()).isEqualTo("rb/csrf-protection-not-enabled");
            assertThat(csrf.tool()).isEqualTo("CodeQL");
            assertThat(csrf.severity()).isEqualTo("high");
            assertThat(csrf.securityScore()).isEqualTo(8.8);
            assertThat(csrf.cwe()).isEqualTo("CWE-352");
            assertThat(csrf.startLine()).isEqualTo(3);
            assertThat(csrf.endLine()).isEqualTo(8);
            assertThat(csrf.fingerprint()).isEqualTo("primaryLocationLineHash=507013c0dc4aeb6e:1");
            assertThat(csrf.sourceSha256()).hasSize(64);
            assertThat(rows).extracting(SarifFindingRepository.Finding::cwe).contains("CWE-78,CWE-88,CWE-73");
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/sarif")
    void severalRunsAndFindingsWithoutFingerprints() throws IOException {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            SarifImporter importer = new SarifImporter(ws);
            assertThat(importer.importFile(CORPUS.resolve("codeql-action-valid-sarif-lgtm.sarif")).imported()).isEqualTo(3);
            // 80 results, none naming a rule or carrying a fingerprint: identity falls back to the message
            SarifImporter.Result semmle = importer.importFile(CORPUS.resolve("sarifsdk-semmleql-converted.sarif"));
            assertThat(semmle.results()).isEqualTo(80);
            assertThat(semmle.imported()).isEqualTo(80); // 80 distinct (file, lines, message), counted with jq
            assertThat(semmle.warnings()).containsExactly("run 1: 80 result(s) name no rule");
            assertThat(new SarifFindingRepository(ws).count()).isEqualTo(3 + semmle.imported());
        }
    }

    @Test
    void messagesAreStoredRedacted() {
        SarifLog log = SarifParser.parse(new java.io.ByteArrayInputStream("""
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gitleaks"}},"results":[{"ruleId":"aws-access-token",
                 "message":{"text":"aws-access-token has detected secret AKIAIOSFODNN7EXAMPLE"},
                 "locations":[{"physicalLocation":{"artifactLocation":{"uri":"config.env"},"region":{"startLine":3}}}]}]}]}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            new SarifImporter(ws).importLog(log, "sha");
            assertThat(new SarifFindingRepository(ws).inFile(null, "config.env")).singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo("aws-access-token has detected secret [REDACTED:aws_access_key]"));
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/sarif")
    void aMalformedFileWritesNothing() {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            SarifImporter importer = new SarifImporter(ws);
            assertThatThrownBy(() -> importer.importFile(CORPUS.resolve("malformed-codeql-action-results-is-number.sarif")))
                    .isInstanceOf(SarifFormatException.class);
            assertThat(new SarifFindingRepository(ws).count()).isZero();
        }
    }
}
