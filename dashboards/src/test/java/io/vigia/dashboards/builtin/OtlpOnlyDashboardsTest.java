package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.DataOrigin;
import io.vigia.dashboards.query.PanelData;
import io.vigia.datasources.otlp.ReceiverFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh workspace fed only OTLP: Copilot Chat, the Copilot CLI and Claude Code in their
 * documented shapes, sent by the real OpenTelemetry SDK to Vigia's running receiver on
 * 2026-04-25. Every panel of Copilot Health and AI Coding Adoption either draws data and names the
 * assistants' OpenTelemetry as its source, or says why it is empty; the panels with an OpenTelemetry
 * feed draw it.
 */
class OtlpOnlyDashboardsTest {
    @TempDir
    Path dir;

    @Test
    void everyPanelHasOpenTelemetryDataOrSaysWhyAndTheLivePanelsAreFed() throws Exception {
        try (ReceiverFixture rx = new ReceiverFixture(dir)) {
            AssistantsOverOtlp.send(rx, Instant.parse("2026-04-25T00:00:00Z"));
            Map<String, PanelData> health = PanelsOverRange.load(BuiltInDashboards.copilotHealth(), rx.promql, UsageReportsOnlyDashboardsTest.WEEK);
            Map<String, PanelData> adoption = PanelsOverRange.load(BuiltInDashboards.aiCodingAdoption(), rx.promql,
                    UsageReportsOnlyDashboardsTest.WEEK);
            for (Map<String, PanelData> panels : List.of(health, adoption)) {
                assertThat(panels).as(PanelsOverRange.describe(panels)).allSatisfy((title, data) -> {
                    if (data.hasValues()) {
                        assertThat(data.provenance().sourceLine()).as(title).startsWith("Source: ").contains("OpenTelemetry");
                        assertThat(data.provenance().fedBy()).as(title).containsExactly(DataOrigin.ASSISTANT_OTEL);
                    } else {
                        assertThat(data.provenance().missing()).as(title + ": an empty panel says why").isNotBlank();
                    }
                });
            }
            // the panels with an OpenTelemetry feed (CopilotHealthDashboard, AiCodingAdoptionDashboard) draw it;
            // the SAST ones also need SARIF findings, and the reconciliation needs the usage reports as well
            assertFed(health, "Acceptance rate", "Acceptance by language");
            assertFed(adoption, "Code acceptance rate (all features)", "Lines added with AI",
                    "Assistants compared: sessions, accepted edits, lines added", "Tokens by assistant and model", "Tokens per day");
            assertThat(PanelsOverRange.namesWithValues(health.get("Acceptance by language"))).contains("java", "python").doesNotContain("Java");
            assertThat(PanelsOverRange.namesWithValues(adoption.get("Assistants compared: sessions, accepted edits, lines added")))
                    .contains("copilot-chat", "github-copilot", "claude-code");
            assertThat(PanelsOverRange.namesWithValues(adoption.get("Tokens by assistant and model")))
                    .containsExactlyInAnyOrder("copilot-chat · gpt-4o", "claude-code · claude-sonnet-4-5");
            for (String needsMore : List.of("SAST-flagged per 1,000 accepted", "SAST-flagged per 1,000 accepted, by severity (trailing 24 h)")) {
                assertThat(health.get(needsMore).provenance().missing()).as(needsMore).contains("SARIF");
            }
            assertThat(adoption.get("Reconciliation: lines added per UTC day, usage report vs OpenTelemetry").provenance().missing())
                    .contains("GitHub usage reports")
                    .as("OpenTelemetry's lines are there: the reason says so, and names what is missing")
                    .contains("(the workspace has vigia_assistant_lines_of_code_total{").contains("but no github_copilot_usage_loc_added_sum)");
        }
    }

    private static void assertFed(Map<String, PanelData> panels, String... titles) {
        for (String title : titles) {
            assertThat(panels).as(title).containsKey(title);
            assertThat(panels.get(title).hasValues()).as(title + PanelsOverRange.describe(panels)).isTrue();
            assertThat(panels.get(title).provenance().fedBy()).as(title).containsExactly(DataOrigin.ASSISTANT_OTEL);
        }
    }
}
