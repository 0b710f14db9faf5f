package io.vigia.app.gui;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.RecentRanges;
import io.vigia.datasources.imports.ImportKind;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.datasources.simulator.OpenMetricsBackfillWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.DashboardListPage;
import io.vigia.views.dashboards.DashboardViewModel;
import io.vigia.views.imports.ImportPage;
import io.vigia.views.shell.Page;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's "done when", in the real window on JavaFX's headless platform: a workspace holding
 * only last year's data (an OpenMetrics backfill written by the fleet simulator for two weeks a
 * year ago, imported on the Import page) opens a built-in dashboard on that data in two clicks
 * from the dashboard list: a double-click opens Copilot Health, whose default range (the last
 * 7 days) holds nothing, so the banner says where the data is; a click on "Zoom to data" fills
 * the panels. Mouse input comes from TestFX's robot.
 */
class LastYearsImportUiTest {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    @TempDir
    Path dir;

    private Workspace workspace;
    private SqliteSeriesStore store;
    private AppWindow window;
    private Instant start;
    private Instant end;

    @BeforeAll
    static void toolkit() {
        System.setProperty("testfx.robot", "glass");
        FxThread.start();
    }

    @BeforeEach
    void open() throws Exception {
        end = Instant.now().minus(Duration.ofDays(365)).truncatedTo(ChronoUnit.HOURS);
        start = end.minus(Duration.ofDays(14));
        Path file = dir.resolve("last-year.om");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            FleetSimulator.run(42, start.toEpochMilli(), end.toEpochMilli(), Duration.ofMinutes(5).toMillis(), new OpenMetricsBackfillWriter(w));
        }
        workspace = Workspace.open(dir.resolve("imported.vigia"));
        store = new SqliteSeriesStore(workspace);
        window = AppWindow.show(workspace, store, new SettingsRepository(workspace).all(), null, 1000, 960);
        ImportPage page = (ImportPage) FxThread.call(() -> window.gui.viewModel().pages().stream()
                .filter(p -> p.id().equals(ImportPage.ID)).findFirst().map(Page.class::cast).orElseThrow());
        FxThread.run(() -> ((ToggleButton) lookup("#nav-import")).fire());
        FxThread.run(() -> page.viewModel().open(file)); // what the file chooser or a drop does
        FxThread.await("detected and previewed", () -> !((Button) lookup("#import-run")).isDisabled());
        assertThat(FxThread.call(() -> page.viewModel().kindProperty().get())).isEqualTo(ImportKind.OPENMETRICS);
        FxThread.run(() -> ((Button) lookup("#import-run")).fire());
        FxThread.await("imported", () -> ((Label) lookup("#import-summary")).getText().startsWith("Imported"));
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        store.close();
        workspace.close();
    }

    @Test
    void aDashboardOpensOnLastYearsImportInTwoClicks() throws Exception {
        FxRobot robot = new FxRobot();
        robot.clickOn("#nav-dashboards");
        FxThread.await("the dashboard list", () -> lookup("#dashboard-table") != null && lookup("#dashboard-table").isVisible()
                && !((TableView<?>) lookup("#dashboard-table")).getItems().isEmpty());

        // click 1 (a double-click): open Copilot Health; its last 7 days hold nothing
        robot.doubleClickOn(robot.lookup("#dashboard-table").lookup("Copilot Health").queryLabeled(), MouseButton.PRIMARY);
        DashboardListPage list = (DashboardListPage) window.gui.viewModel().pages().getFirst();
        FxThread.await("Copilot Health opened", () -> list.openDashboard()
                .map(v -> v.viewModel().dashboard().uid().equals(BuiltInDashboards.COPILOT_HEALTH)).orElse(false));
        DashboardViewModel vm = FxThread.call(() -> list.openDashboard().orElseThrow().viewModel());
        FxThread.await("the banner says where the data is", () -> lookup("#no-data-banner") != null && lookup("#no-data-banner").isVisible());
        assertThat(FxThread.call(() -> withData(vm))).as("the default range is empty").isEmpty();
        String message = FxThread.call(() -> ((Label) lookup("#no-data-message")).getText());
        assertThat(message).startsWith("No data in Last 7 days. This source has data from ")
                .contains(DAY.format(start) + " to ");

        // click 2: "Zoom to data"
        robot.clickOn("#zoom-to-data");
        FxThread.await("the range is the data's", () -> vm.range().rangeProperty().get() instanceof RangeChoice.Absolute a
                && !a.range().from().isAfter(start) && !a.range().to().isBefore(end.minus(Duration.ofMinutes(10)))
                && !a.range().to().isAfter(end.plus(Duration.ofMinutes(1))));
        Set<String> expected = Set.of("Acceptance rate", "Acceptance rate by lines", "Active users", "Prompts blocked",
                "Acceptance rate by team (trailing 24 h)", "Acceptance rate by model (trailing 24 h)", "Acceptance by language",
                "Acceptance by editor", "Prompts blocked per hour, by category", "Prompts blocked by category", "Active users by team");
        FxThread.await("the panels filled", () -> withData(vm).containsAll(expected));
        FxThread.await("the banner is gone", () -> !lookup("#no-data-banner").isVisible());
        assertThat(FxThread.call(() -> ((Button) lookup("#time-range")).getText())).contains(DAY.format(start));

        // the zoom is remembered among this workspace's recent ranges
        FxThread.await("the recent range saved", () -> !new RecentRanges(new SettingsRepository(workspace)).load().isEmpty());
        assertThat(new RecentRanges(new SettingsRepository(workspace)).load().getFirst())
                .isEqualTo(FxThread.call(() -> vm.range().rangeProperty().get()));
    }

    /** The panels with a number to show; on the FX thread. */
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
