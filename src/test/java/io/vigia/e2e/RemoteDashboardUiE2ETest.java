package io.vigia.e2e;

import io.vigia.app.gui.GuiComposition;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsProgram;
import io.vigia.views.dashboards.DashboardListPage;
import io.vigia.views.dashboards.DashboardView;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app (a real JavaFX scene on the headless platform) against a real Prometheus: a user adds
 * the server on the Data sources page with "Save &amp; test", makes it the default, opens a
 * dashboard on it with auto-refresh; then Prometheus is killed (SIGKILL): the panel keeps its last
 * data marked stale with its age; Prometheus restarts: the panel recovers by itself. Reopening the
 * dashboard with the server down paints the cached data at once.
 */
@NeedsProgram("prometheus")
class RemoteDashboardUiE2ETest {
    private static final String DASHBOARD = """
            {"uid": "prom-self", "title": "Prometheus itself", "schemaVersion": 41,
             "time": {"from": "now-5m", "to": "now"},
             "panels": [{"id": 1, "type": "timeseries", "title": "Scrapes per second",
                         "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8},
                         "targets": [{"refId": "A", "expr": "sum(rate(prometheus_http_requests_total[1m]))",
                                      "legendFormat": "requests/s"}]}]}
            """;

    @TempDir
    Path dir;
    private PrometheusServer prometheus;
    private Workspace workspace;
    private SqliteSeriesStore store;
    private Stage stage;
    private GuiComposition gui;

    @BeforeAll
    static void toolkit() throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException running) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        assertThat(up.await(60, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void close() throws Exception {
        if (gui != null) {
            run(() -> {
                gui.close();
                stage.close();
            });
        }
        if (store != null) {
            store.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void addTheServerThenSurviveItsCrashWithStaleDataAndRecoverByItself() throws Exception {
        prometheus = PrometheusServer.start();
        workspace = Workspace.open(dir.resolve("remote.vigia"));
        store = new SqliteSeriesStore(workspace);
        new DashboardStore(workspace).importJson(DASHBOARD);
        var settings = new SettingsRepository(workspace).all();
        gui = call(() -> {
            stage = new Stage();
            GuiComposition g = GuiComposition.create(workspace, store, settings, null, null, new InMemorySecretStore(), stage);
            stage.show();
            return g;
        });

        // Data sources page: add, make default, save & test
        run(() -> ((ToggleButton) lookup("#nav-sources")).fire());
        run(() -> ((Button) lookup("#add-source")).fire());
        run(() -> {
            ((TextField) lookup("#source-name")).setText("prom");
            ((TextField) lookup("#source-url")).setText(prometheus.url().toString());
            ((CheckBox) lookup("#source-default")).setSelected(true);
            ((Button) lookup("#source-save")).fire();
        });
        await("save & test shows the server's version", () -> text("#source-status").contains("Connected"));
        assertThat(text("#source-status")).containsPattern("Saved prom\\. Connected: Prometheus\\S* server 2\\.\\d+");

        // a dashboard on the default source, refreshing every 5 s
        run(() -> gui.openDashboard("prom-self"));
        await("the dashboard opens", () -> data() != null || opened());
        run(() -> dashboard().viewModel().autoRefresh().everyProperty().set(Duration.ofSeconds(5)));
        // a rate needs two scrapes: the first refreshes may come before them
        await("the panel shows Prometheus's data", () -> data() != null && !data().series().isEmpty() && !data().isStale());

        prometheus.kill();
        await("the panel keeps its last data, marked stale", () -> data() != null && data().isStale() && !data().series().isEmpty());
        assertThat(call(() -> lookup("#panel-stale-1").isVisible())).isTrue();
        assertThat(text("#panel-stale-1")).matches("stale · fetched \\d+ s ago");
        assertThat(data().notices()).anySatisfy(n -> assertThat(n).contains("showing data cached"));

        prometheus.restart();
        await("the panel recovers by itself", () -> data() != null && !data().isStale() && !data().series().isEmpty());
        assertThat(call(() -> lookup("#panel-stale-1").isVisible())).isFalse();

        // closed and reopened with the server down: the cached data is painted at once, stale
        prometheus.kill();
        run(() -> dashboard().viewModel().autoRefresh().everyProperty().set(Duration.ZERO));
        run(() -> {
            ((Button) lookup("#back-to-list")).fire();
            gui.openDashboard("prom-self");
        });
        await("the reopened panel shows cached data", () -> data() != null && data().isStale() && !data().series().isEmpty());
    }

    private boolean opened() {
        try {
            return call(() -> ((DashboardListPage) gui.viewModel().pages().getFirst()).openDashboard().isPresent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private DashboardView dashboard() {
        return ((DashboardListPage) gui.viewModel().pages().getFirst()).openDashboard().orElseThrow();
    }

    private PanelData data() {
        try {
            return call(() -> {
                DashboardView d = ((DashboardListPage) gui.viewModel().pages().getFirst()).openDashboard().orElse(null);
                lastData = d == null ? null : d.viewModel().dataProperty(d.viewModel().dashboard().allPanels().getFirst()).get();
                return lastData;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Node lookup(String css) {
        return stage.getScene().getRoot().lookup(css);
    }

    private String text(String css) {
        try {
            return call(() -> ((Label) lookup(css)).getText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static volatile PanelData lastData;

    private static String describe(PanelData d) {
        return d == null ? "no data" : d.series().size() + " series, stale " + d.isStale() + ", errors " + d.errors() + ", notices " + d.notices();
    }

    private static <T> T call(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting until " + what + "; the panel has " + describe(lastData));
    }
}
