package io.vigia.views.dashboards;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import io.vigia.views.dialogs.DialogService;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardListViewModelTest {
    @TempDir
    Path dir;

    static final class RecordingDialogs implements DialogService {
        final List<String> shown = new ArrayList<>();
        Path toOpen;

        @Override
        public void showError(String title, String message) {
            shown.add("error: " + title + ": " + message);
        }

        @Override
        public void showInfo(String title, String message) {
            shown.add("info: " + title);
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, String description, String... extensions) {
            return Optional.ofNullable(toOpen);
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName) {
            return Optional.empty();
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/grafana-dashboards")
    void importingAGrafanaDashboardListsItAndNotesWhatWasLeftOut() {
        Path grafana = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "grafana-dashboards", "asmild-copilot-exporter-dashboard.json");
        RecordingDialogs dialogs = new RecordingDialogs();
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            DashboardListViewModel vm = new DashboardListViewModel(new DashboardStore(ws), new SameThreadTaskExecutor().scope(), dialogs);
            vm.refresh();
            // a new workspace lists only the built-in dashboards
            assertThat(vm.dashboards()).allMatch(DashboardListViewModel::isBuiltIn).extracting(d -> d.uid())
                    .containsExactly("copilot-health", "ai-coding-adoption", "guardrails", "model-drift", "service-latency");
            dialogs.toOpen = grafana;
            vm.chooseAndImport();
            assertThat(vm.dashboards()).extracting(d -> d.title()).containsExactly("Github Copilot Stats", "Copilot Health",
                    "AI Coding Adoption", "Guardrails", "Model Drift", "Service Latency & Deploys");
            assertThat(DashboardListViewModel.isBuiltIn(vm.dashboards().getFirst())).isFalse();
            assertThat(dialogs.shown).containsExactly("info: Imported with notes");
        }
    }

    @Test
    void aBrokenFileGivesAnErrorAndNothingIsAdded() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ not json");
        RecordingDialogs dialogs = new RecordingDialogs();
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            DashboardListViewModel vm = new DashboardListViewModel(new DashboardStore(ws), new SameThreadTaskExecutor().scope(), dialogs);
            vm.importFile(bad);
            assertThat(dialogs.shown).singleElement().asString().startsWith("error: Could not import bad.json: not valid JSON");
            vm.refresh();
            assertThat(vm.dashboards()).hasSize(BuiltInDashboards.all().size()).allMatch(DashboardListViewModel::isBuiltIn);
        }
    }
}
