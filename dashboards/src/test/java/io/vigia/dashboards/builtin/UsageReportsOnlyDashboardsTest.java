package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.DataOrigin;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.imports.FileImporter;
import io.vigia.datasources.imports.ImportKind;
import io.vigia.datasources.imports.ImportProgress;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import io.vigia.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh workspace fed only GitHub's usage reports (the corpus's organization and users reports
 * of 2026-04-25, through the importer the CLI and the Import page use): every panel of Copilot
 * Health and AI Coding Adoption either draws data, naming its source, or says why it is empty.
 */
class UsageReportsOnlyDashboardsTest {
    /** The week holding the reports' day (2026-04-25), as a dashboard range. */
    static final TimeRange WEEK = new TimeRange(Instant.parse("2026-04-20T00:00:00Z"), Instant.parse("2026-04-27T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void everyPanelHasDataOrSaysWhyWithEditorsAndModels() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("usage.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            importReports(ws, store);
            LocalPromqlSource source = new LocalPromqlSource("local", store);
            Map<String, PanelData> health = PanelsOverRange.load(BuiltInDashboards.copilotHealth(), source, WEEK);
            Map<String, PanelData> adoption = PanelsOverRange.load(BuiltInDashboards.aiCodingAdoption(), source, WEEK);
            System.err.println(PanelsOverRange.describe(health) + PanelsOverRange.describe(adoption));
            for (Map<String, PanelData> panels : java.util.List.of(health, adoption)) {
                assertThat(panels).as(PanelsOverRange.describe(panels)).allSatisfy((title, data) -> {
                    if (data.hasValues()) {
                        assertThat(data.provenance().sourceLine()).as(title).startsWith("Source: ");
                    } else {
                        assertThat(data.provenance().missing()).as(title + ": an empty panel says why").isNotBlank();
                    }
                });
            }
            // per editor and per model, at the usage reports' own grain
            assertThat(PanelsOverRange.namesWithValues(health.get("Acceptance by editor"))).containsExactly("vscode");
            assertThat(PanelsOverRange.namesWithValues(adoption.get("Code generation and acceptance by IDE"))).containsOnly("vscode");
            assertThat(PanelsOverRange.namesWithValues(health.get("Acceptance rate by model (trailing 24 h)")))
                    .containsExactlyInAnyOrder("gpt-4.1", "gpt-5.3-codex");
            assertThat(PanelsOverRange.namesWithValues(adoption.get("Code generation by model and mode")))
                    .contains("gpt-4.1 · completions", "claude-sonnet-4.6 · cli", "claude-opus-4.6 · chat");
            // the Copilot panels the reports feed are fed by them, not by the counters the import derives
            assertThat(health.get("Acceptance rate").provenance().fedBy()).containsExactly(DataOrigin.GITHUB_USAGE_REPORTS);
            assertThat(health.get("Acceptance by editor").provenance().note()).contains("GitHub does not break editors down by feature");
        }
    }

    static void importReports(Workspace ws, SqliteSeriesStore store) throws Exception {
        FileImporter importer = new FileImporter(ws, store);
        for (String file : new String[] {"cmv-newapi-organization-1-day-report.json", "cmv-newapi-organization-users-1-day-report.json"}) {
            importer.importFile(SharedCorpus.path("corpus/copilot-metrics").resolve(file), ImportKind.COPILOT, "octo-org",
                    ImportProgress.NONE);
        }
    }
}
