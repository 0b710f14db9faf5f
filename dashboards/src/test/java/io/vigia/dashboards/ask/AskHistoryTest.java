package io.vigia.dashboards.ask;

import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AskHistoryTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheNewestQuestionsFirstWithoutRepeatsAndSurvivesADamagedSetting() {
        try (Workspace ws = Workspace.open(dir.resolve("h.vigia"))) {
            SettingsRepository settings = new SettingsRepository(ws);
            AskHistory h = new AskHistory(settings);
            h.add("p95 of payments");
            h.add("error rate of checkout");
            h.add("  p95 of payments ");
            assertThat(h.questions()).containsExactly("p95 of payments", "error rate of checkout");
            for (int i = 0; i < AskHistory.MAX + 10; i++) {
                h.add("q" + i);
            }
            assertThat(h.questions()).hasSize(AskHistory.MAX).startsWith("q" + (AskHistory.MAX + 9));
            settings.put(AskHistory.SETTING, "{not json");
            assertThat(h.questions()).isEmpty();
            h.add("after the damage");
            assertThat(h.questions()).containsExactly("after the damage");
        }
    }
}
