package io.vigia.datasources.sarif;

import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every file of {@code ../shared/corpus/sarif} is either imported (runs, results and rules
 * counted by hand with jq) or rejected with a message naming the problem. A file added to the
 * corpus without an expectation here fails {@link #everyCorpusFileHasAnExpectation()}.
 */
@NeedsSharedCorpus("corpus/sarif")
class SarifParserCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "sarif");

    /** Imported: tool names of the runs, results per run, rules per run (driver plus extensions). */
    record Imported(List<String> tools, List<Integer> results, List<Integer> rules) {
    }

    private static Imported ok(List<String> tools, List<Integer> results, List<Integer> rules) {
        return new Imported(tools, results, rules);
    }

    private static final Map<String, Imported> IMPORTED = Map.ofEntries(
            entry("codeql-action-fingerprinting2-expected.sarif", ok(List.of("CodeQL command-line toolchain"), List.of(1), List.of(1))),
            entry("codeql-action-valid-sarif-lgtm.sarif", ok(List.of("LGTM.com", "CodeQL command-line toolchain"), List.of(1, 2), List.of(1, 2))),
            entry("edge-codeql-action-invalid-uri.sarif", ok(List.of("LGTM.com"), List.of(1), List.of(1))),
            entry("edge-codeql-action-tool-names-empty-null.sarif", ok(List.of("CodeQL command-line toolchain",
                    "CodeQL command-line toolchain", "ESLint", "", ""), List.of(0, 0, 0, 0, 0), List.of(0, 0, 0, 0, 0))),
            entry("edge-gitleaks-baseline-empty-runs.sarif", ok(List.of(), List.of(), List.of())),
            entry("edge-oasis-sarif-2.2-comprehensive.sarif.json", ok(List.of("CodeScanner"), List.of(1), List.of(2))),
            entry("edge-s2slack-codeql-go-renamed-driver-minified.sarif", ok(List.of("sectools sast"), List.of(1), List.of(29))),
            entry("edge-sarifsdk-EmptyResults.sarif", ok(List.of("WorkItemFiler Testing"), List.of(0), List.of(0))),
            entry("edge-sarifsdk-GH1001-missing-location-props.sarif", ok(List.of("Sarif Functional Testing"), List.of(3), List.of(0))),
            entry("edge-sarifsdk-SARIF1007-bad-regions.sarif", ok(List.of("CodeScanner"), List.of(2), List.of(0))),
            entry("edge-sarifsdk-SARIF1011-rtm4-schema-uri.sarif", ok(List.of("Sarif Functional Testing"), List.of(0), List.of(0))),
            entry("edge-sarifsdk-SARIF2008-no-schema.sarif", ok(List.of("Sarif Functional Testing"), List.of(0), List.of(0))),
            entry("edge-sarifsdk-binskim-v2.0.0-prerelease-notification.sarif", ok(List.of("BinSkim"), List.of(0), List.of(0))),
            entry("edge-sarifsdk-empty-runs.sarif", ok(List.of(), List.of(), List.of())),
            entry("edge-sarifsdk-obsolete-2.0.0-prerelease.sarif", ok(List.of("CodeScanner"), List.of(1), List.of(1))),
            entry("edge-sarifsdk-spec-Comprehensive-v2.0.0.sarif", ok(List.of("CodeScanner"), List.of(1), List.of(1))),
            entry("edge-sarifsdk-spec-Minimal-v2.0.0.sarif", ok(List.of("CodeScanner"), List.of(0), List.of(0))),
            entry("edge-sarifsdk-spec-RecommendedWithSource-v2.0.0.sarif", ok(List.of("CodeScanner"), List.of(1), List.of(1))),
            entry("s2comment-codeql-cli-2.2.4.sarif", ok(List.of("CodeQL command-line toolchain"), List.of(2), List.of(1))),
            entry("s2comment-owasp-dependency-check-7.1.0.sarif", ok(List.of("dependency-check"), List.of(1), List.of(1))),
            entry("s2slack-codeql-python.sarif", ok(List.of("CodeQL"), List.of(1), List.of(40))),
            entry("s2slack-codeql-ruby.sarif", ok(List.of("CodeQL"), List.of(4), List.of(41))),
            entry("s2slack-grype-github-actions.sarif", ok(List.of("grype"), List.of(1), List.of(1))),
            entry("s2slack-osv-scanner-pip.sarif", ok(List.of("osv-scanner"), List.of(3), List.of(2))),
            entry("s2slack-snyk-pip.sarif", ok(List.of("Snyk Open Source"), List.of(1), List.of(1))),
            entry("s2slack-trivy-iac.sarif", ok(List.of("Trivy"), List.of(2), List.of(2))),
            entry("sarifsdk-clang-tidy-converted.sarif", ok(List.of("Clang-Tidy"), List.of(6), List.of(4))),
            entry("sarifsdk-docs-ai-example.sarif", ok(List.of("AI Security Analyzer"), List.of(2), List.of(2))),
            entry("sarifsdk-flawfinder-converted.sarif", ok(List.of("Flawfinder"), List.of(3), List.of(2))),
            entry("sarifsdk-pylint-converted.sarif", ok(List.of("Pylint"), List.of(72), List.of(0))),
            entry("sarifsdk-semmleql-converted.sarif", ok(List.of("Semmle QL"), List.of(80), List.of(0))),
            entry("semgrep-snapshot-include_nosemgrep.sarif", ok(List.of("Semgrep OSS"), List.of(2), List.of(1))),
            entry("semgrep-snapshot-rule_board.sarif", ok(List.of("Semgrep OSS"), List.of(3), List.of(1))),
            entry("semgrep-snapshot-sca-supply-chain.extracted.sarif", ok(List.of("semgrep"), List.of(1), List.of(1))),
            entry("semgrep-snapshot-when_errors.sarif", ok(List.of("Semgrep OSS"), List.of(0), List.of(0))),
            entry("semgrep-snapshot-with_autofix.sarif", ok(List.of("Semgrep OSS"), List.of(2), List.of(1))),
            entry("semgrep-snapshot-with_dataflow_traces.sarif", ok(List.of("Semgrep OSS"), List.of(1), List.of(1))));

    /** Rejected: a fragment the message must contain. */
    private static final Map<String, String> REJECTED = Map.of(
            "edge-semgrep-snapshot-sca-wrapped-in-pytest-snapshot.txt", "not valid JSON at line 1, column 1",
            "malformed-codeql-action-results-is-number.sarif", "run 1: `results` must be an array, found a number",
            "malformed-s2comment-bad-json-truncated.sarif", "not valid JSON at line 1",
            "malformed-s2comment-valid-json-not-sarif.sarif", "not a SARIF log: the object has no `runs` array",
            "malformed-s2comment-zero-byte.sarif", "empty file",
            "malformed-sarifsdk-JSON1001-syntax-error.sarif", "not valid JSON at line 3, column 3",
            "oasis-sarif-schema-2.1.0.json", "this is a JSON Schema");

    @Test
    void everyCorpusFileHasAnExpectation() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("SOURCES.md")).forEach(files::add);
        }
        Set<String> expected = new TreeSet<>(IMPORTED.keySet());
        expected.addAll(REJECTED.keySet());
        assertThat(files).hasSize(44).isEqualTo(expected);
    }

    static Stream<String> importedFiles() {
        return IMPORTED.keySet().stream().sorted();
    }

    static Stream<String> rejectedFiles() {
        return REJECTED.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("importedFiles")
    void imports(String name) {
        SarifLog log = SarifParser.parse(CORPUS.resolve(name));
        Imported e = IMPORTED.get(name);
        assertThat(log.runs()).extracting(SarifRun::toolName).containsExactlyElementsOf(e.tools());
        assertThat(log.runs()).extracting(r -> r.results().size()).containsExactlyElementsOf(e.results());
        assertThat(log.runs()).extracting(r -> r.rules().size()).containsExactlyElementsOf(e.rules());
    }

    @ParameterizedTest
    @MethodSource("rejectedFiles")
    void rejectsWithAClearMessage(String name) {
        assertThatThrownBy(() -> SarifParser.parse(CORPUS.resolve(name)))
                .isInstanceOf(SarifFormatException.class)
                .hasMessageContaining(REJECTED.get(name));
    }

    @Test
    void codeqlRubyResolvesRulesThroughRuleIndexWithSeverityCweAndFingerprints() {
        SarifRun run = SarifParser.parse(CORPUS.resolve("s2slack-codeql-ruby.sarif")).runs().getFirst();
        SarifResult first = run.results().getFirst();
        assertThat(first.ruleId()).isEqualTo("rb/request-forgery");
        assertThat(first.level()).isEqualTo(SarifLevel.ERROR); // no level on the result: the rule's default
        assertThat(first.rule().securityScore()).isEqualTo(9.1);
        assertThat(first.severity()).isEqualTo(SecuritySeverity.CRITICAL);
        assertThat(first.cwes()).containsExactly("CWE-918");
        assertThat(first.primaryLocation()).isEqualTo(new SarifLocation("script.rb", "%SRCROOT%", 6, 6));
        assertThat(first.partialFingerprints()).containsEntry("primaryLocationLineHash", "f756b044c287db7:1");
        SarifResult csrf = run.results().get(1);
        assertThat(csrf.level()).isEqualTo(SarifLevel.WARNING);
        assertThat(csrf.severity()).isEqualTo(SecuritySeverity.HIGH); // 8.8
        assertThat(csrf.primaryLocation().startLine()).isEqualTo(3);
        assertThat(csrf.primaryLocation().endLine()).isEqualTo(8);
        assertThat(run.results().get(2).cwes()).containsExactly("CWE-78", "CWE-88", "CWE-73");
        assertThat(run.toolVersion()).isEqualTo("2.19.0");
    }

    @Test
    void severityBandsOfOtherScanners() {
        assertThat(SarifParser.parse(CORPUS.resolve("s2slack-trivy-iac.sarif")).runs().getFirst().results())
                .extracting(SarifResult::ruleId, SarifResult::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s3-bucket-logging", SecuritySeverity.LOW),
                        org.assertj.core.groups.Tuple.tuple("AVD-AWS-0132", SecuritySeverity.HIGH));
        SarifResult snyk = SarifParser.parse(CORPUS.resolve("s2slack-snyk-pip.sarif")).runs().getFirst().results().getFirst();
        assertThat(snyk.severity()).isEqualTo(SecuritySeverity.MEDIUM);
        assertThat(snyk.cwes()).containsExactly("CWE-400");
        assertThat(snyk.primaryLocation().uri()).isEqualTo("requirements.txt");
    }

    @Test
    void cweFromTaxonomyRelationshipsAndHierarchicalRuleIds() {
        List<SarifResult> ff = SarifParser.parse(CORPUS.resolve("sarifsdk-flawfinder-converted.sarif")).runs().getFirst().results();
        assertThat(ff).extracting(SarifResult::cwes).containsExactly(List.of("CWE-120"), List.of("CWE-119", "CWE-120"), List.of("CWE-120"));
        List<SarifResult> ai = SarifParser.parse(CORPUS.resolve("sarifsdk-docs-ai-example.sarif")).runs().getFirst().results();
        assertThat(ai.getFirst().ruleId()).isEqualTo("CWE-78/api-handler");
        assertThat(ai.getFirst().rule().id()).isEqualTo("CWE-78");
        assertThat(ai.getFirst().level()).isEqualTo(SarifLevel.ERROR);
        assertThat(ai.getFirst().primaryLocation()).isEqualTo(new SarifLocation("src/handler.py", "SRCROOT", 42, 42));
    }

    @Test
    void olderShapesAndTheBom() {
        SarifLog v200 = SarifParser.parse(CORPUS.resolve("edge-sarifsdk-spec-Comprehensive-v2.0.0.sarif"));
        SarifResult r = v200.runs().getFirst().results().getFirst();
        assertThat(r.primaryLocation()).isEqualTo(new SarifLocation("file:///home/buildAgent/src/collections/list.h", null, 15, 15));
        assertThat(r.baselineState()).isEqualTo("existing");
        assertThat(r.rule().id()).isEqualTo("C2001"); // from resources.rules, keyed by id
        assertThat(v200.warnings()).contains("SARIF version 2.0.0 read as 2.1.0");

        SarifLog bom = SarifParser.parse(CORPUS.resolve("edge-sarifsdk-binskim-v2.0.0-prerelease-notification.sarif"));
        assertThat(bom.version()).isEqualTo("2.0.0");

        SarifResult v22 = SarifParser.parse(CORPUS.resolve("edge-oasis-sarif-2.2-comprehensive.sarif.json")).runs().getFirst().results().getFirst();
        assertThat(v22.message()).startsWith("Variable \"ptr\" was used without being initialized. It was declared [here](0).");
        assertThat(v22.baselineState()).isEqualTo("unchanged");

        assertThat(SarifParser.parse(CORPUS.resolve("edge-codeql-action-tool-names-empty-null.sarif")).warnings())
                .containsExactly("run 4: the tool has no name", "run 5: the tool has no name");
    }
}
