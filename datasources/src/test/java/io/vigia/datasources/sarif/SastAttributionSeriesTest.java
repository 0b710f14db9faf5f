package io.vigia.datasources.sarif;

import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SAST attribution counter, rebuilt from stored findings and suggestions whatever the import order. */
class SastAttributionSeriesTest {
    static final String SUGGESTIONS = """
            {"id":"s1","accepted_at":"2026-11-10T10:00:00Z","team":"payments","language":"python","editor":"vscode","model":"gpt-5-codex","repository":"acme/api","path":"src/db.py","start_line":10,"end_line":20}
            {"accepted_at":"2026-11-10T11:00:00Z","repository":"acme/api","path":"src/db.py","start_line":0,"end_line":3}
            {"id":"s3","accepted_at":"2026-11-10T12:00:00Z","team":"payments","language":"python","model":"gpt-4o","repository":"acme/api","path":"src/other.py","start_line":1,"end_line":5}
            """;
    static final String SARIF = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL","rules":[
              {"id":"py/sql-injection","properties":{"security-severity":"8.8","tags":["external/cwe/cwe-089"]}},
              {"id":"py/weak-hash"}]}},
             "versionControlProvenance":[{"repositoryUri":"https://github.com/Acme/api.git"}],
             "invocations":[{"executionSuccessful":true,"startTimeUtc":"2026-11-11T02:00:00Z"}],
             "results":[
              {"ruleId":"py/sql-injection","ruleIndex":0,"level":"error","message":{"text":"SQL built from input"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/db.py"},"region":{"startLine":15}}}]},
              {"ruleId":"py/weak-hash","ruleIndex":1,"level":"warning","message":{"text":"MD5"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/db.py"},"region":{"startLine":18,"endLine":19}}}]},
              {"ruleId":"py/sql-injection","ruleIndex":0,"level":"error","message":{"text":"elsewhere"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/db.py"},"region":{"startLine":90}}}]}]}]}
            """;

    @TempDir
    Path dir;

    @Test
    void suggestionLinesAreReadWithTheirNumbersAndBadOnesRejected() throws Exception {
        AcceptedSuggestionsParser.Result r = AcceptedSuggestionsParser.parse(new StringReader(SUGGESTIONS + "not json\n{}\n"));
        assertThat(r.suggestions()).extracting(AcceptedSuggestionsParser.Parsed::key).containsExactly("id:s1", "id:s3");
        assertThat(r.rejected()).extracting(AcceptedSuggestionsParser.RejectedLine::lineNumber).containsExactly(2, 4, 5);
        assertThat(r.rejected().get(0).reason()).contains("start_line");
        assertThat(r.rejected().get(2).reason()).contains("accepted_at");
    }

    @Test
    void theCounterIsTheSameWhicheverFileComesFirstAndAReimportChangesNothing() throws Exception {
        Path sarif = Files.writeString(dir.resolve("scan.sarif"), SARIF, StandardCharsets.UTF_8);
        List<AcceptedSuggestionsParser.Parsed> parsed = AcceptedSuggestionsParser.parse(new StringReader(SUGGESTIONS)).suggestions();
        List<SeriesData> suggestionsFirst;
        try (Workspace ws = Workspace.open(dir.resolve("a.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            AcceptedSuggestionsImporter.Result s = new AcceptedSuggestionsImporter(ws, store).importSuggestions(parsed, "x");
            assertThat(s.attributed()).isZero();
            SarifImporter.Result f = new SarifImporter(ws, store).importFile(sarif);
            assertThat(f.attributed()).isEqualTo(2);
            suggestionsFirst = counter(store);
            new SarifImporter(ws, store).importFile(sarif);
            assertThat(new AcceptedSuggestionsImporter(ws, store).importSuggestions(parsed, "x").imported()).isZero();
            assertThat(counter(store)).usingRecursiveComparison().isEqualTo(suggestionsFirst);
        }
        try (Workspace ws = Workspace.open(dir.resolve("b.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            new SarifImporter(ws, store).importFile(sarif);
            assertThat(counter(store)).isEmpty();
            new AcceptedSuggestionsImporter(ws, store).importSuggestions(parsed, "x");
            assertThat(counter(store)).usingRecursiveComparison().isEqualTo(suggestionsFirst);
        }
        // suggestion s1 counted once per (severity, rule, cwe) of its two findings, at its acceptance time
        assertThat(suggestionsFirst).extracting(d -> d.labels().get("severity") + " " + d.labels().get("rule") + " "
                        + d.labels().get("cwe") + " " + d.labels().get("team") + " " + d.labels().get("model"))
                .containsExactlyInAnyOrder("high py/sql-injection CWE-89 payments gpt-5-codex",
                        "medium py/weak-hash  payments gpt-5-codex");
        long accepted = Instant.parse("2026-11-10T10:00:00Z").toEpochMilli();
        assertThat(suggestionsFirst).allSatisfy(d -> {
            assertThat(d.values()[0]).isZero();
            assertThat(d.values()[d.size() - 1]).isEqualTo(1.0);
            assertThat(d.timestamps()[0]).isEqualTo(accepted);
        });
    }

    private static List<SeriesData> counter(SqliteSeriesStore store) {
        return store.select(List.of(LabelMatcher.equal("__name__", SastAttributionSeries.METRIC)), Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
