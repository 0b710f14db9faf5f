package io.vigia.datasources.copilot;

import io.vigia.datasources.testing.MemorySeriesWriter;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CopilotImporterTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir", "../shared"), "corpus", "copilot-metrics");

    @TempDir
    Path dir;

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void importingTheSameDaysAgainAddsNothingAndARevisedDayIsRewritten() throws Exception {
        List<CopilotDay> days = ((CopilotMetricsParser.Days) CopilotMetricsParser.parse("octo-org",
                Files.readString(DIR.resolve("cmv-organization_metrics_response_sample.json")))).days();
        MemorySeriesWriter writer = new MemorySeriesWriter();
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            List<Long> erased = new java.util.ArrayList<>();
            CopilotImporter importer = new CopilotImporter(ws, writer, (scope, t) -> erased.add(t));
            CopilotImporter.Result first = importer.importDays(days);
            assertThat(first.daysImported()).isEqualTo(21);
            int samples = writer.committed().size();
            assertThat(samples).isEqualTo(first.samples()).isPositive();

            CopilotImporter.Result again = importer.importDays(days);
            assertThat(again).isEqualTo(new CopilotImporter.Result(0, 21, 0, 0));
            assertThat(writer.committed()).hasSize(samples);

            CopilotDay d0 = days.getFirst();
            CopilotDay revised = new CopilotDay(d0.scope(), d0.day(), d0.source(), d0.activeUsers() + 1, d0.engagedUsers(),
                    d0.chatTurns(), d0.completions());
            assertThat(importer.importDays(List.of(revised)).daysRevised()).isEqualTo(1);
            assertThat(erased).containsExactly(CopilotSeries.timestamp(d0));
        }
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            assertThat(CopilotImporter.importedDays(ws, "octo-org")).hasSize(21)
                    .containsEntry(LocalDate.of(2024, 11, 4), CopilotSource.LEGACY_METRICS);
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void seriesCarryScopeSourceAndTheBreakdown() throws Exception {
        CopilotDay d = ((CopilotMetricsParser.Days) CopilotMetricsParser.parse("octo-org",
                Files.readString(DIR.resolve("msdash-TestData-metrics.json")))).days().getFirst();
        MemorySeriesWriter writer = new MemorySeriesWriter();
        CopilotSeries.write(d, writer);
        writer.commit();
        assertThat(writer.committed()).allSatisfy(s -> {
            assertThat(s.labels().get("scope")).isEqualTo("octo-org");
            assertThat(s.labels().get("source")).isEqualTo("legacy-metrics");
            assertThat(s.timestamp()).isEqualTo(CopilotSeries.timestamp(d));
        });
        assertThat(writer.committed()).filteredOn(s -> s.labels().metricName().equals(CopilotSeries.SUGGESTIONS))
                .extracting(s -> s.labels().get("model")).contains("a-custom-model", "default");
    }

    @Test
    void aRangeWithGapsAndTheSourceChangeGetsBothWarnings() {
        Map<LocalDate, CopilotSource> days = new java.util.TreeMap<>();
        for (LocalDate d = LocalDate.of(2026, 3, 23); d.isBefore(LocalDate.of(2026, 4, 2)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() < 6) {
                days.put(d, CopilotSource.LEGACY_METRICS);
            }
        }
        days.put(LocalDate.of(2026, 4, 6), CopilotSource.USAGE_REPORT);
        var warnings = CopilotDataQuality.check(days, LocalDate.of(2026, 3, 23), LocalDate.of(2026, 4, 6));
        assertThat(warnings).extracting(CopilotDataQuality.Warning::kind)
                .containsExactly(CopilotDataQuality.Warning.Kind.MISSING_DAYS, CopilotDataQuality.Warning.Kind.SOURCE_CHANGE);
        assertThat(warnings.getFirst().message()).startsWith("6 of 15 days have no Copilot data (4 on weekends)");
        assertThat(warnings.get(1).days()).containsExactly(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 6));
        assertThat(CopilotDataQuality.check(days, LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 27))).isEmpty();
    }
}
