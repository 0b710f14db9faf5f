package io.vigia.app.gui;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.query.PanelData;
import io.vigia.datasources.imports.ImportKind;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import io.vigia.views.dashboards.DashboardListPage;
import io.vigia.views.dashboards.DashboardView;
import io.vigia.views.dashboards.DashboardViewModel;
import io.vigia.views.imports.ImportPage;
import io.vigia.views.shell.Page;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Import page in the real window (headless JavaFX), on a fresh workspace without the demo:
 * reached from the navigation, a real GitHub Copilot metrics file imported through its buttons,
 * then Copilot Health, zoomed to the imported days, shows it.
 */
@NeedsSharedCorpus("corpus/copilot-metrics")
class ImportPageInAppUiTest {
    private static final Path COPILOT = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "copilot-metrics",
            "cmv-organization_metrics_response_sample.json");

    @TempDir
    Path dir;

    private Workspace workspace;
    private SqliteSeriesStore store;
    private AppWindow window;

    @BeforeAll
    static void toolkit() {
        FxThread.start();
    }

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(dir.resolve("fresh.vigia"));
        store = new SqliteSeriesStore(workspace);
        var settings = new SettingsRepository(workspace).all();
        window = AppWindow.show(workspace, store, settings, null, 1400, 900);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        store.close();
        workspace.close();
    }

    @Test
    void aCopilotFileImportedFromTheImportPageShowsOnCopilotHealth() throws Exception {
        FxThread.run(() -> ((ToggleButton) lookup("#nav-import")).fire());
        assertThat(FxThread.call(() -> window.gui.viewModel().selectedPageProperty().get().id())).isEqualTo(ImportPage.ID);
        assertThat(FxThread.call(() -> lookup("#import-choose").isVisible())).isTrue();
        ImportPage page = (ImportPage) FxThread.call(() -> window.gui.viewModel().pages().stream()
                .filter(p -> p.id().equals(ImportPage.ID)).findFirst().map(Page.class::cast).orElseThrow());

        FxThread.run(() -> page.viewModel().open(COPILOT)); // what the file chooser or a drop does
        FxThread.await("detected and previewed", () -> !((Button) lookup("#import-run")).isDisabled());
        assertThat(FxThread.call(() -> page.viewModel().kindProperty().get())).isEqualTo(ImportKind.COPILOT);
        FxThread.run(() -> ((Button) lookup("#import-run")).fire());
        FxThread.await("imported", () -> ((Label) lookup("#import-summary")).getText().startsWith("Imported"));
        assertThat(FxThread.call(() -> ((Label) lookup("#import-summary")).getText()))
                .startsWith("Imported 21, duplicates skipped 0, rejected 0");

        FxThread.run(() -> ((ToggleButton) lookup("#nav-dashboards")).fire());
        DashboardListPage dashboards = (DashboardListPage) window.gui.viewModel().pages().getFirst();
        FxThread.run(() -> dashboards.open(BuiltInDashboards.COPILOT_HEALTH));
        FxThread.await("Copilot Health open", () -> dashboards.openDashboard().isPresent());
        DashboardView view = FxThread.call(() -> dashboards.openDashboard().orElseThrow());
        DashboardViewModel vm = view.viewModel();
        long from = Instant.parse("2024-11-17T23:00:00Z").toEpochMilli();
        long to = Instant.parse("2024-11-24T23:00:00Z").toEpochMilli();
        FxThread.run(() -> vm.range().zoomTo(from, to));
        Set<String> expected = Set.of("Acceptance rate", "Acceptance rate by lines", "Active users",
                "Acceptance rate by team (trailing 24 h)", "Acceptance rate by model (trailing 24 h)", "Acceptance by language",
                "Acceptance by editor", "Active users by team");
        FxThread.await("the imported panels filled", () -> withData(vm).containsAll(expected));
        assertThat(FxThread.call(() -> withData(vm))).isEqualTo(expected);
    }

    private static Set<String> withData(DashboardViewModel vm) {
        Set<String> out = new TreeSet<>();
        for (Panel p : vm.dashboard().allPanels()) {
            PanelData d = vm.dataProperty(p).get();
            if (d != null && d.series().stream().anyMatch(s -> java.util.Arrays.stream(s.values()).anyMatch(Double::isFinite))) {
                out.add(p.title());
            }
        }
        return out;
    }

    private Node lookup(String selector) {
        return window.lookup(selector);
    }
}
