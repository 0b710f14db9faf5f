package io.vigia.dashboards.builtin;

import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.DataOrigin;
import io.vigia.dashboards.query.PanelData;
import io.vigia.datasources.otlp.ReceiverFixture;
import io.vigia.testsupport.NeedsSharedCorpus;
import io.vigia.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One workspace with both GitHub's usage reports of 2026-04-25 (through the importer) and the
 * assistants' OTLP for the same UTC day (the real OpenTelemetry SDK through Vigia's receiver): AI
 * Coding Adoption's reconciliation panel draws the usage report's lines added (A), Copilot's
 * assistants' (B, Claude Code left out: GitHub does not count it) and the gap A − B on that day.
 */
class ReconciliationPanelTest {
    private static final String TITLE = "Reconciliation: lines added per UTC day, usage report vs OpenTelemetry";
    private static final Instant DAY = Instant.parse("2026-04-25T00:00:00Z");
    /** Each day is drawn at its end. */
    private static final long DAY_END = Instant.parse("2026-04-26T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void showsTheUsageReportOpenTelemetryAndTheirGapForTheSameDay() throws Exception {
        try (ReceiverFixture rx = new ReceiverFixture(dir)) {
            UsageReportsOnlyDashboardsTest.importReports(rx.workspace, rx.store);
            AssistantsOverOtlp.send(rx, DAY);
            PanelData panel = PanelsOverRange.load(BuiltInDashboards.aiCodingAdoption(), rx.promql, UsageReportsOnlyDashboardsTest.WEEK)
                    .get(TITLE);

            assertThat(panel.provenance().fedBy()).containsExactly(DataOrigin.GITHUB_USAGE_REPORTS, DataOrigin.ASSISTANT_OTEL);
            double reported = organizationLinesAdded();
            double a = valueAt(panel, "A");
            double b = valueAt(panel, "B");
            double c = valueAt(panel, "C");
            assertThat(a).isEqualTo(reported);
            assertThat(b).isEqualTo(AssistantsOverOtlp.COPILOT_LINES_ADDED);
            assertThat(c).isEqualTo(a - b);
        }
    }

    /** The organization report's own day total of lines added (day_totals[0].loc_added_sum), read from the file. */
    private static double organizationLinesAdded() throws Exception {
        var root = JsonMapper.builder().build().readTree(SharedCorpus.path("corpus/copilot-metrics")
                .resolve("cmv-newapi-organization-1-day-report.json").toFile());
        var day = root.path("day_totals").get(0);
        assertThat(day.path("day").asString()).isEqualTo("2026-04-25");
        return day.path("loc_added_sum").asDouble();
    }

    /** The one value query {@code ref} draws at the end of 2026-04-25. */
    private static double valueAt(PanelData panel, String ref) {
        double found = Double.NaN;
        for (int i = 0; i < panel.series().size(); i++) {
            if (panel.refIds().get(i).equals(ref)) {
                TimeSeriesData s = panel.series().get(i);
                for (int j = 0; j < s.ts().length; j++) {
                    if (s.ts()[j] == DAY_END) {
                        assertThat(found).as(ref + " has one series").isNaN();
                        found = s.values()[j];
                    }
                }
            }
        }
        assertThat(found).as(ref + " at the day's end in " + panel.series() + " " + panel.refIds()).isNotNaN();
        return found;
    }
}
