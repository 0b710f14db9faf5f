package io.vigia.app.gui;

import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.demo.DemoLoad;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.query.PanelData;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.chart.ChartCanvas;
import io.vigia.views.dashboards.DashboardListPage;
import io.vigia.views.dashboards.DashboardView;
import io.vigia.views.dashboards.DashboardViewModel;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TestFX smoke test: the app driven with real mouse and keyboard events (TestFX's robot on
 * JavaFX 26's headless platform, whose robot posts events to the window under the pointer, as a
 * user's hand would). Each built-in dashboard is opened from the list by double-click, the time
 * range is picked from the toolbar, a chart is zoomed by dragging across it, and a query is typed
 * and run in Explore. The view-model tests and the other UI tests check the details; this one
 * checks that the controls answer to input at all.
 */
class TestFxSmokeUiTest {
    @TempDir
    Path dir;

    private Workspace workspace;
    private SqliteSeriesStore store;
    private AppWindow window;
    private FxRobot robot;

    @BeforeAll
    static void toolkit() {
        // TestFX's default robot is AWT's, which has no screen here; "glass" is JavaFX's own robot
        System.setProperty("testfx.robot", "glass");
        FxThread.start();
    }

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(dir.resolve("smoke.vigia"));
        SettingsRepository settings = new SettingsRepository(workspace);
        store = new SqliteSeriesStore(workspace);
        DemoLoad load = DemoLoad.start(settings, store, Clock.systemUTC());
        // the headless platform's screen is 1000 x 1000; the robot aims in screen coordinates
        window = AppWindow.show(workspace, store, settings.all(), load, 1000, 960);
        load.done().join();
        robot = new FxRobot();
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        store.close();
        workspace.close();
    }

    @Test
    void openEveryBuiltInDashboardPickARangeZoomByDraggingAndRunAQueryInExplore() throws Exception {
        for (Dashboard d : BuiltInDashboards.all()) {
            robot.clickOn("#nav-dashboards");
            if (FxThread.call(() -> lookup("#back-to-list") != null && lookup("#back-to-list").isVisible())) {
                robot.clickOn("#back-to-list");
            }
            FxThread.await("the dashboard list", () -> lookup("#dashboard-table") != null && lookup("#dashboard-table").isVisible()
                    && !((TableView<?>) lookup("#dashboard-table")).getItems().isEmpty());
            robot.doubleClickOn(robot.lookup("#dashboard-table").lookup(d.title()).queryLabeled(), MouseButton.PRIMARY);
            FxThread.await(d.title() + " opened by double-click", () -> page().openDashboard()
                    .map(v -> v.viewModel().dashboard().uid().equals(d.uid())).orElse(false));
            awaitData(FxThread.call(() -> page().openDashboard().orElseThrow()));
        }

        // Copilot Health: the time range from the toolbar's picker, with the mouse
        robot.clickOn("#nav-dashboards");
        FxThread.run(() -> page().open(BuiltInDashboards.COPILOT_HEALTH));
        FxThread.await("Copilot Health open", () -> page().openDashboard()
                .map(v -> v.viewModel().dashboard().uid().equals(BuiltInDashboards.COPILOT_HEALTH)).orElse(false));
        DashboardViewModel vm = FxThread.call(() -> page().openDashboard().orElseThrow().viewModel());
        awaitData(FxThread.call(() -> page().openDashboard().orElseThrow()));
        String last24h = RangeChoice.of("now-24h", "now").label();
        robot.clickOn("#time-range");
        robot.clickOn("#range-quick-filter").write("24 h");
        robot.clickOn(last24h);
        FxThread.await("the range is the last 24 hours", () -> vm.range().rangeProperty().get().label().equals(last24h));
        assertThat(FxThread.call(() -> ((javafx.scene.control.Button) lookup("#time-range")).getText())).contains(last24h);
        assertThat(FxThread.call(() -> lookup("#time-picker").isVisible())).as("choosing closes the picker").isFalse();

        // zoom: drag across the middle of the first time series chart
        int panelId = vm.dashboard().allPanels().stream().filter(p -> p.type() == PanelType.TIME_SERIES).findFirst().orElseThrow().id();
        ChartCanvas chart = FxThread.call(() -> (ChartCanvas) lookup("#panel-" + panelId).lookup(".chart-canvas"));
        Bounds b = FxThread.call(() -> chart.localToScreen(chart.getBoundsInLocal()));
        long fromBefore = FxThread.call(() -> vm.range().resolvedProperty().get().from().toEpochMilli());
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.45, b.getMinY() + b.getHeight() * 0.5))
                .press(MouseButton.PRIMARY)
                .moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + b.getHeight() * 0.5))
                .moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.75, b.getMinY() + b.getHeight() * 0.5))
                .release(MouseButton.PRIMARY);
        FxThread.await("the drag zoomed in", () -> vm.range().rangeProperty().get() instanceof RangeChoice.Absolute);
        long fromAfter = FxThread.call(() -> vm.range().resolvedProperty().get().from().toEpochMilli());
        long toAfter = FxThread.call(() -> vm.range().resolvedProperty().get().to().toEpochMilli());
        assertThat(fromAfter).isGreaterThan(fromBefore);
        assertThat(toAfter - fromAfter).isLessThan(24 * 3_600_000L / 2);

        // Explore: type a query and run it with Shift+Enter
        robot.clickOn("#nav-explore");
        FxThread.await("Explore with a source", () -> lookup("#explore-source-A") != null
                && ((ComboBox<?>) lookup("#explore-source-A")).getValue() != null);
        robot.clickOn("#explore-editor-A");
        robot.write("sum by (team) (vigia_copilot_active_users)");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE); // close the completion list if it opened
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        FxThread.await("the query ran and found the four teams", () -> ((TableView<?>) lookup("#explore-table-A")).getItems().size() >= 4);
    }

    private DashboardListPage page() {
        return (DashboardListPage) window.gui.viewModel().pages().getFirst();
    }

    /** Every panel answered with series or, for a logs panel, lines. */
    private static void awaitData(DashboardView view) throws Exception {
        DashboardViewModel vm = view.viewModel();
        // panels the demo cannot feed must say why (DemoWorkspaceUiTest.SAYS_WHY)
        try {
            FxThread.await(vm.dashboard().title() + " filled", () -> vm.dashboard().allPanels().stream()
                    .allMatch(p -> answered(vm, p)));
        } catch (AssertionError e) {
            java.util.List<String> empty = FxThread.call(() -> vm.dashboard().allPanels().stream()
                    .filter(p -> !answered(vm, p)).map(p -> p.title() + " " + vm.dataProperty(p).get()).toList());
            throw new AssertionError(e.getMessage() + "; empty: " + empty, e);
        }
    }

    /**
     * The panel drew, or says what it needs: the demo follows Vigia's contract and holds no GitHub
     * usage reports, which most AI Coding Adoption panels read ("Needs GitHub usage reports …").
     */
    private static boolean answered(DashboardViewModel vm, Panel p) {
        PanelData d = vm.dataProperty(p).get();
        return DemoWorkspaceUiTest.filled(vm, p) || d != null && d.provenance() != null && d.provenance().missing().startsWith("Needs ");
    }

    private Node lookup(String selector) {
        return window.lookup(selector);
    }
}
