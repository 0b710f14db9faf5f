package io.vigia.app.gui;

import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.demo.DemoLoad;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.query.PanelData;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.DashboardListPage;
import io.vigia.views.dashboards.DashboardView;
import io.vigia.views.dashboards.DashboardViewModel;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First start on an empty workspace, in the real window on JavaFX's headless platform: the demo
 * history loads, Copilot Health opens with the demo badge and every panel gets data; the time
 * range changes, a zoom and "back" work, and every other built-in dashboard opens with data.
 */
class DemoWorkspaceUiTest {
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
        workspace = Workspace.open(dir.resolve("demo.vigia"));
        SettingsRepository settings = new SettingsRepository(workspace);
        store = new SqliteSeriesStore(workspace);
        assertThat(DemoWorkspace.shouldLoad(settings, store)).isTrue();
        DemoLoad load = DemoLoad.start(settings, store, Clock.systemUTC());
        window = AppWindow.show(workspace, store, settings.all(), load, 1400, 900);
        load.done().join();
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        store.close();
        workspace.close();
    }

    @Test
    void firstStartShowsCopilotHealthWithDemoDataAndEveryBuiltInDashboardFills() throws Exception {
        DashboardView view = openDashboard(BuiltInDashboards.COPILOT_HEALTH);
        assertThat(FxThread.call(() -> lookup("#demo-badge").isVisible())).isTrue();
        assertThat(new SettingsRepository(workspace).get(DemoWorkspace.SETTING)).contains(DemoWorkspace.LOADED);
        awaitAllPanelsWithData(view);

        DashboardViewModel vm = view.viewModel();
        afterRefresh(vm, () -> vm.range().rangeProperty().set(RangeChoice.of("now-24h", "now")));
        awaitAllPanelsWithData(view);
        long to = FxThread.call(() -> vm.range().resolvedProperty().get().to().toEpochMilli());
        afterRefresh(vm, () -> vm.range().zoomTo(to - 3 * 3_600_000L, to));
        assertThat(FxThread.call(() -> vm.range().rangeProperty().get())).isInstanceOf(RangeChoice.Absolute.class);
        awaitAllPanelsWithData(view);
        FxThread.run(vm.range()::back);
        assertThat(FxThread.call(() -> vm.range().rangeProperty().get().label())).isEqualTo("Last 24 hours");
        afterRefresh(vm, () -> ((javafx.scene.control.Button) lookup("#zoom-forward")).fire());
        assertThat(FxThread.call(() -> vm.range().rangeProperty().get())).as("forward returns to the zoom").isInstanceOf(RangeChoice.Absolute.class);
        afterRefresh(vm, vm.range()::back);
        assertThat(FxThread.call(vm.range()::canGoForward)).isTrue();

        // compare with the previous period: every time series also shows the day before, dashed
        afterRefresh(vm, () -> ((javafx.scene.control.ToggleButton) lookup("#compare-previous")).fire());
        Panel byTeam = vm.dashboard().allPanels().stream().filter(p -> p.title().startsWith("Acceptance rate by team")).findFirst().orElseThrow();
        assertThat(FxThread.call(() -> vm.dataProperty(byTeam).get().series()))
                .anySatisfy(s -> assertThat(s.name()).isEqualTo("payments-core (previous period)"))
                .anySatisfy(s -> assertThat(s.name()).isEqualTo("payments-core"));
        afterRefresh(vm, () -> ((javafx.scene.control.ToggleButton) lookup("#compare-previous")).fire());

        for (String uid : new String[] {BuiltInDashboards.GUARDRAILS, BuiltInDashboards.MODEL_DRIFT,
                BuiltInDashboards.SERVICE_LATENCY}) {
            awaitAllPanelsWithData(openDashboard(uid));
        }

        // the SRE flow: what changed in p95 of payments after the regressing deploy?
        DashboardView latency = openDashboard(BuiltInDashboards.SERVICE_LATENCY);
        FxThread.run(() -> ((javafx.scene.control.Button) lookup("#deploy-impact-open")).fire());
        var impact = FxThread.call(() -> latency.deployImpactView().orElseThrow());
        FxThread.await("deploys listed", () -> !deployChoice().getItems().isEmpty());
        FxThread.run(() -> deployChoice().setValue(deployChoice().getItems().stream()
                .filter(d -> "payments".equals(d.service()) && "2.14.0".equals(d.version())).findFirst().orElseThrow()));
        FxThread.await("the comparison of 2.14.0 is shown", () -> impact.viewModel().resultProperty().get() != null
                && "2.14.0".equals(impact.viewModel().resultProperty().get().deploy().version())
                && impactTable().getItems().size() == 5
                && impactTable().getItems().getFirst().expr().equals(impact.viewModel().resultProperty().get().rows().getFirst().expr()));
        var p95 = FxThread.call(() -> impact.viewModel().resultProperty().get().rows().stream()
                .filter(r -> r.measure() == io.vigia.dashboards.query.DeployImpact.Measure.P95).findFirst().orElseThrow());
        assertThat(p95.after()).isGreaterThan(2 * p95.before());
        assertThat(p95.significant()).isTrue();
        assertThat(impact.isVisible()).isTrue();
        FxThread.run(() -> ((javafx.scene.control.Button) lookup("#deploy-impact-close")).fire());
        assertThat(FxThread.call(() -> latency.deployImpactView().isEmpty())).isTrue();
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.ComboBox<io.vigia.dashboards.query.DeployMarkers.Deploy> deployChoice() {
        return (javafx.scene.control.ComboBox<io.vigia.dashboards.query.DeployMarkers.Deploy>) lookup("#deploy-choice");
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.TableView<io.vigia.dashboards.query.DeployImpact.Row> impactTable() {
        return (javafx.scene.control.TableView<io.vigia.dashboards.query.DeployImpact.Row>) lookup("#deploy-impact-table");
    }

    /** Runs {@code action} on the FX thread and waits until the refresh it causes has all its answers. */
    private static void afterRefresh(DashboardViewModel vm, Runnable action) throws Exception {
        int before = FxThread.call(() -> vm.refreshesCompletedProperty().get());
        FxThread.run(action);
        FxThread.await("refresh done", () -> vm.refreshesCompletedProperty().get() > before);
    }

    private DashboardView openDashboard(String uid) throws Exception {
        DashboardListPage page = (DashboardListPage) window.gui.viewModel().pages().getFirst();
        FxThread.run(() -> page.open(uid));
        FxThread.await(uid + " open", () -> page.openDashboard().map(d -> d.viewModel().dashboard().uid().equals(uid)).orElse(false));
        return FxThread.call(() -> page.openDashboard().orElseThrow());
    }

    /** Every panel answered the latest refresh with series (or log lines) and no error. */
    private static void awaitAllPanelsWithData(DashboardView view) throws Exception {
        DashboardViewModel vm = view.viewModel();
        try {
            FxThread.await(vm.dashboard().title() + " filled", () -> vm.dashboard().allPanels().stream().allMatch(p -> filled(vm, p)));
        } catch (AssertionError e) {
            List<String> empty = FxThread.call(() -> vm.dashboard().allPanels().stream().filter(p -> !filled(vm, p))
                    .map(p -> p.title() + " " + vm.dataProperty(p).get()).toList());
            throw new AssertionError(e.getMessage() + "; empty: " + empty, e);
        }
        for (Panel p : vm.dashboard().allPanels()) {
            PanelData d = FxThread.call(() -> vm.dataProperty(p).get());
            if (SAYS_WHY.contains(p.title())) {
                assertThat(d.errors()).as("%s says why it is empty", p.title()).isNotEmpty()
                        .allSatisfy(e -> assertThat(e).startsWith("coverage unknown: the source counts no guardrail errors"));
            } else {
                assertThat(d.errors()).as("errors of %s", p.title()).isEmpty();
            }
        }
    }

    /**
     * Guardrail coverage needs a counter of checks that failed or of requests the guardrail should
     * have seen; Vigia's own contract, which the demo follows, has neither (docs/telemetry.md), so
     * on the demo these panels say why they are empty instead of drawing.
     */
    static final Set<String> SAYS_WHY = Set.of("Guardrail checks per hour: decided vs not decided", "Coverage: checks that decided");

    static boolean filled(DashboardViewModel vm, Panel p) {
        PanelData d = vm.dataProperty(p).get();
        if (d != null && SAYS_WHY.contains(p.title())) {
            return !d.errors().isEmpty();
        }
        return d != null && (!d.series().isEmpty() || !d.logs().isEmpty()); // a logs panel has lines, not series
    }

    private Node lookup(String selector) {
        return window.lookup(selector);
    }
}
