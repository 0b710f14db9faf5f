package io.vigia.persistence.reports;

import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedReportRepositoryTest {
    @TempDir
    Path dir;

    private static GeneratedReport report(String week, String trigger, long at) {
        Path out = Path.of("/reports");
        return new GeneratedReport(0, "copilot-health", "Copilot Health", week, "Europe/Madrid", "pdf,html", out,
                List.of(out.resolve("copilot-health-" + week + ".pdf"), out.resolve("copilot-health-" + week + ".html")),
                false, false, trigger, at);
    }

    @Test
    void storesListsNewestFirstFindsScheduledRunsAndForgets() {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            GeneratedReportRepository repo = new GeneratedReportRepository(ws);
            GeneratedReport a = repo.add(report("2026-W46", GeneratedReport.SCHEDULE, 1_000));
            GeneratedReport b = repo.add(report("2026-W47", GeneratedReport.MANUAL, 2_000));
            assertThat(a.id()).isPositive();
            assertThat(b.id()).isNotEqualTo(a.id());
            assertThat(repo.recent(10)).containsExactly(b, a);
            assertThat(repo.recent(1)).containsExactly(b);
            assertThat(repo.latestScheduled("copilot-health", "2026-W46")).contains(a);
            assertThat(repo.latestScheduled("copilot-health", "2026-W47")).as("manual runs do not count").isEmpty();
            assertThat(repo.delete(a.id())).isTrue();
            assertThat(repo.delete(a.id())).isFalse();
            assertThat(repo.recent(10)).containsExactly(b);
        }
        try (Workspace again = Workspace.open(dir.resolve("ws.vigia"))) {
            assertThat(new GeneratedReportRepository(again).recent(10)).singleElement()
                    .satisfies(r -> assertThat(r.files()).hasSize(2));
        }
    }
}
