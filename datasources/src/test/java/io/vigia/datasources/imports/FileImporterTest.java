package io.vigia.datasources.imports;

import io.vigia.datasources.simulator.AuditFilesSink;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.persistence.evidence.AcceptedSuggestionRepository;
import io.vigia.persistence.evidence.GuardrailEventRepository;
import io.vigia.persistence.evidence.SarifFindingRepository;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one import path of the CLI and the app: detection, preview, one transaction, re-import adds nothing. */
class FileImporterTest {
    private static final Path CORPUS = Path.of(System.getProperty("vigia.shared.dir"), "corpus");
    private static final Instant END = Instant.parse("2026-11-16T12:00:00Z");

    @TempDir
    static Path audit;
    @TempDir
    Path dir;

    @BeforeAll
    static void simulate() throws IOException {
        FleetSimulator.run(7, END.minus(Duration.ofDays(3)).toEpochMilli(), END.toEpochMilli(), 300_000, new AuditFilesSink(audit));
    }

    private static Path sarifOfTheSimulation() throws IOException {
        try (Stream<Path> s = Files.list(audit.resolve(AuditFilesSink.SARIF_DIR))) {
            return s.sorted().findFirst().orElseThrow();
        }
    }

    @Test
    @NeedsSharedCorpus({"corpus/copilot-metrics", "corpus/sarif", "corpus/prometheus-exposition"})
    void detectsEachKindFromTheFileItself() throws IOException {
        assertThat(ImportDetector.detect(audit.resolve(AuditFilesSink.GUARDRAIL_FILE))).contains(ImportKind.GUARDRAIL_LOG);
        assertThat(ImportDetector.detect(audit.resolve(AuditFilesSink.SUGGESTIONS_FILE))).contains(ImportKind.ACCEPTED_SUGGESTIONS);
        assertThat(ImportDetector.detect(sarifOfTheSimulation())).contains(ImportKind.SARIF);
        assertThat(ImportDetector.detect(CORPUS.resolve("sarif/s2slack-codeql-ruby.sarif"))).contains(ImportKind.SARIF);
        assertThat(ImportDetector.detect(CORPUS.resolve("copilot-metrics/cmv-organization_metrics_response_sample.json")))
                .contains(ImportKind.COPILOT);
        assertThat(ImportDetector.detect(CORPUS.resolve("copilot-metrics/cmv-newapi-organization-1-day-report.json")))
                .contains(ImportKind.COPILOT);
        assertThat(ImportDetector.detect(CORPUS.resolve("prometheus-exposition/prometheus-textparse-alltypes.5mfs.om.txt")))
                .contains(ImportKind.OPENMETRICS);
        assertThat(ImportDetector.detect("hello, world")).isEmpty();
        assertThat(ImportDetector.detect("{\"hello\":\"world\"}")).isEmpty();
        assertThat(ImportDetector.detect("")).isEmpty();
    }

    @Test
    void previewShowsTheFirstRecordsRedactedAndTheRejectedLinesWithoutWriting() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        Files.writeString(log, """
                {"ts":"2026-11-17T09:12:03Z","app":"gw","direction":"input","decision":"blocked","category":"secret_access","detector":"secrets","prompt":"use key AKIAIOSFODNN7EXAMPLE <script>alert(1)</script>"}
                not json at all
                {"ts":"2026-11-17T09:13:00Z","app":"gw","direction":"sideways","decision":"blocked","category":"toxicity","detector":"x"}
                """, StandardCharsets.UTF_8);
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            ImportPreview p = new FileImporter(ws, store).preview(log, ImportKind.GUARDRAIL_LOG, null, ImportProgress.NONE);
            assertThat(p.records()).isEqualTo(1);
            assertThat(p.firstRecords()).singleElement().asString()
                    .contains("secret_access", "[REDACTED:", "<script>")
                    .doesNotContain("AKIAIOSFODNN7EXAMPLE");
            assertThat(p.rejected()).extracting(ImportProblem::lineNumber).containsExactly(2, 3);
            assertThat(new GuardrailEventRepository(ws).count()).isZero();
            assertThat(store.seriesCount()).isZero();
        }
    }

    @Test
    @NeedsSharedCorpus({"corpus/copilot-metrics", "corpus/sarif", "corpus/prometheus-exposition"})
    void eachKindImportsOnceAndAgainAddsNothing() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FileImporter importer = new FileImporter(ws, store);
            record Case(Path file, ImportKind kind, String scope) {
            }
            List<Case> cases = List.of(
                    new Case(audit.resolve(AuditFilesSink.SUGGESTIONS_FILE), ImportKind.ACCEPTED_SUGGESTIONS, null),
                    new Case(sarifOfTheSimulation(), ImportKind.SARIF, null),
                    new Case(audit.resolve(AuditFilesSink.GUARDRAIL_FILE), ImportKind.GUARDRAIL_LOG, null),
                    new Case(CORPUS.resolve("copilot-metrics/cmv-organization_usage_response_sample.json"), ImportKind.COPILOT, "acme"),
                    new Case(backfill(), ImportKind.OPENMETRICS, null));
            for (Case c : cases) {
                ImportReport first = importer.importFile(c.file(), c.kind(), c.scope(), ImportProgress.NONE);
                assertThat(first.imported()).as(c.kind() + " first").isPositive().isEqualTo(first.records());
                assertThat(first.duplicates()).isZero();
                long samples = totalSamples(store);
                ImportReport again = importer.importFile(c.file(), c.kind(), c.scope(), ImportProgress.NONE);
                if (c.kind() != ImportKind.OPENMETRICS) {
                    assertThat(again.imported()).as(c.kind() + " again").isZero();
                    assertThat(again.duplicates()).isEqualTo(first.records());
                }
                assertThat(totalSamples(store)).as(c.kind() + " again: the store is unchanged").isEqualTo(samples);
            }
            assertThat(store.series(List.of(LabelMatcher.equal("__name__", "vigia_copilot_accepted_with_sast_findings_total"))))
                    .as("the first nightly scan's findings are attributed").isNotEmpty();
            assertThat(store.series(List.of(LabelMatcher.equal("__name__", "vigia_copilot_suggestions_accepted_total"),
                    LabelMatcher.equal("team", "acme"), LabelMatcher.equal("source", "legacy-usage")))).isNotEmpty();
        }
    }

    @Test
    void aCancelledImportWritesNothing() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("c.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            ImportProgress cancelAtOnce = new ImportProgress() {
                @Override
                public void progress(long done, long total) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            FileImporter importer = new FileImporter(ws, store);
            for (ImportKind k : List.of(ImportKind.GUARDRAIL_LOG, ImportKind.ACCEPTED_SUGGESTIONS)) {
                Path f = audit.resolve(k == ImportKind.GUARDRAIL_LOG ? AuditFilesSink.GUARDRAIL_FILE : AuditFilesSink.SUGGESTIONS_FILE);
                assertThatThrownBy(() -> importer.importFile(f, k, null, cancelAtOnce)).isInstanceOf(CancellationException.class);
            }
            assertThatThrownBy(() -> importer.importFile(sarifOfTheSimulation(), ImportKind.SARIF, null, cancelAtOnce))
                    .isInstanceOf(CancellationException.class);
            assertThat(new GuardrailEventRepository(ws).count()).isZero();
            assertThat(new AcceptedSuggestionRepository(ws).count()).isZero();
            assertThat(new SarifFindingRepository(ws).count()).isZero();
            assertThat(store.seriesCount()).isZero();
        }
    }

    @Test
    @NeedsSharedCorpus({"corpus/copilot-metrics", "corpus/sarif", "corpus/prometheus-exposition"})
    void aMalformedOrWrongFileImportsNothingAndSaysWhy() throws Exception {
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});
        try (Workspace ws = Workspace.open(dir.resolve("m.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FileImporter importer = new FileImporter(ws, store);
            assertThatThrownBy(() -> importer.importFile(CORPUS.resolve("sarif/malformed-codeql-action-results-is-number.sarif"),
                    ImportKind.SARIF, null, ImportProgress.NONE))
                    .isInstanceOf(ImportFailedException.class).hasMessageContaining("is not a readable SARIF log");
            assertThatThrownBy(() -> importer.importFile(latin1, ImportKind.GUARDRAIL_LOG, null, ImportProgress.NONE))
                    .isInstanceOf(ImportFailedException.class).hasMessageContaining("is not UTF-8 text");
            assertThatThrownBy(() -> importer.importFile(CORPUS.resolve("copilot-metrics/cmv-organization_seats_response_sample.json"),
                    ImportKind.COPILOT, "acme", ImportProgress.NONE))
                    .isInstanceOf(ImportFailedException.class).hasMessageContaining("seat assignments");
            assertThatThrownBy(() -> importer.importFile(audit.resolve(AuditFilesSink.GUARDRAIL_FILE), ImportKind.ACCEPTED_SUGGESTIONS,
                    null, ImportProgress.NONE))
                    .isInstanceOf(ImportFailedException.class).hasMessageContaining("is an accepted suggestion")
                    .satisfies(e -> assertThat(((ImportFailedException) e).rejected()).isNotEmpty()
                            .allSatisfy(p -> assertThat(p.reason()).doesNotContain("prompt\":")));
            assertThat(store.seriesCount()).isZero();
            assertThat(new GuardrailEventRepository(ws).count()).isZero();
        }
    }

    private Path backfill() throws IOException {
        Path f = dir.resolve("backfill.om.txt");
        Files.writeString(f, """
                # TYPE http_requests counter
                http_requests_total{code="200"} 10 1763283600
                http_requests_total{code="200"} 12 1763283660
                # EOF
                """, StandardCharsets.UTF_8);
        return f;
    }

    private static long totalSamples(SqliteSeriesStore store) {
        long n = 0;
        for (SeriesData d : store.select(List.of(LabelMatcher.regex("__name__", ".+")), Long.MIN_VALUE, Long.MAX_VALUE)) {
            n += d.size();
        }
        return n;
    }
}
