package io.vigia.app.gui;

import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.theme.ThemeChoice;
import javafx.application.Application;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real main window in a real JavaFX scene (the toolkit's headless platform, no display):
 * navigation, page switching by click and by shortcut, the status bar with a running task that
 * is cancelled from it, the help overlay, the theme switch, and geometry saved at close.
 */
class MainWindowUiTest {
    @TempDir
    Path dir;

    private Workspace workspace;
    private SqliteSeriesStore store;
    private Stage stage;
    private GuiComposition gui;

    @BeforeAll
    static void toolkit() {
        FxThread.start();
    }

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(dir.resolve("ui.vigia"));
        Map<String, String> settings = new SettingsRepository(workspace).all();
        store = new SqliteSeriesStore(workspace);
        gui = FxThread.call(() -> {
            stage = new Stage();
            GuiComposition g = GuiComposition.create(workspace, store, settings, null, stage);
            stage.show();
            return g;
        });
    }

    @AfterEach
    void close() throws Exception {
        FxThread.run(() -> {
            gui.close();
            stage.close();
        });
        store.close();
        workspace.close();
    }

    @Test
    void navigationListsEveryPageAndSwitchesByClickAndShortcut() throws Exception {
        List<String> entries = FxThread.call(() -> lookupAll(".nav-item").stream().map(n -> ((ToggleButton) n).getText()).toList());
        assertThat(entries).containsExactly("Dashboards", "Explore", "Reports", "Findings", "Data sources", "Import", "Settings");
        FxThread.run(() -> ((ToggleButton) lookup("#nav-settings")).fire());
        assertThat(FxThread.call(() -> lookup("#theme-choice") != null)).isTrue();
        FxThread.run(() -> key(KeyCode.DIGIT2, true));
        assertThat(FxThread.call(() -> gui.viewModel().selectedPageProperty().get().id())).isEqualTo("explore");
        assertThat(FxThread.call(() -> lookup("#explore-page").isVisible())).isTrue();
        assertThat(FxThread.call(() -> ((ToggleButton) lookup("#nav-explore")).isSelected())).isTrue();
    }

    @Test
    void theStatusBarShowsARunningTaskWithProgressAndCancelsIt() throws Exception {
        assertThat(FxThread.call(() -> ((Label) lookup(".status-workspace")).getText())).isEqualTo("ui.vigia");
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean cancelled = new AtomicBoolean();
        FxThread.run(() -> gui.executor().submit(BackgroundTask.of("Importing guardrail log", p -> {
            p.progress(30, 100);
            p.message("line 30 of 100");
            release.await();
            return null;
        }).onCancelled(() -> cancelled.set(true))));
        FxThread.await("the task shows in the status bar",
                () -> lookup(".status-task-title") != null && ((ProgressBar) lookup(".status-task-progress")).getProgress() == 0.3);
        assertThat(FxThread.call(() -> ((Label) lookup(".status-task-title")).getText())).isEqualTo("Importing guardrail log");
        FxThread.run(() -> ((Button) lookup(".status-task-cancel")).fire());
        FxThread.await("the task is gone from the status bar", () -> lookup(".status-task") == null);
        assertThat(cancelled).isTrue();
        release.countDown();
    }

    @Test
    void f1ShowsTheShortcutsAndEscapeClosesThem() throws Exception {
        FxThread.run(() -> key(KeyCode.F1, false));
        assertThat(FxThread.call(() -> lookup(".help-overlay") != null)).isTrue();
        List<String> keys = FxThread.call(() -> lookupAll(".help-keys").stream().map(n -> ((Label) n).getText()).toList());
        assertThat(keys).contains("F1", "Escape", "Ctrl+Q").anySatisfy(k -> assertThat(k).endsWith("1"));
        FxThread.run(() -> key(KeyCode.ESCAPE, false));
        assertThat(FxThread.call(() -> lookup(".help-overlay") == null)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingTheDarkThemeAppliesItAndRemembersIt() throws Exception {
        FxThread.run(() -> ((ToggleButton) lookup("#nav-settings")).fire());
        FxThread.run(() -> ((ComboBox<ThemeChoice>) lookup("#theme-choice")).setValue(ThemeChoice.DARK));
        assertThat(FxThread.call(() -> gui.theme().darkProperty().get())).isTrue();
        assertThat(FxThread.call(Application::getUserAgentStylesheet)).contains("primer-dark");
        FxThread.await("the theme is saved", () -> new SettingsRepository(workspace).get("ui.theme").orElse("").equals("dark"));
        FxThread.run(() -> ((ComboBox<ThemeChoice>) lookup("#theme-choice")).setValue(ThemeChoice.LIGHT));
        assertThat(FxThread.call(Application::getUserAgentStylesheet)).contains("primer-light");
    }

    @Test
    void closingRemembersTheWindowGeometry() throws Exception {
        FxThread.run(() -> {
            stage.setWidth(1111);
            stage.setHeight(777);
        });
        FxThread.run(() -> gui.close());
        assertThat(new SettingsRepository(workspace).get("ui.window")).get().asString().contains("1111.0,777.0");
        gui = FxThread.call(() -> GuiComposition.create(workspace, store, new SettingsRepository(workspace).all(), null, stage));
        assertThat(FxThread.call(() -> stage.getWidth())).isEqualTo(1111.0);
    }

    private Node lookup(String selector) {
        return stage.getScene().getRoot().lookup(selector);
    }

    private java.util.Set<Node> lookupAll(String selector) {
        return stage.getScene().getRoot().lookupAll(selector);
    }

    private void key(KeyCode code, boolean shortcut) {
        Parent root = stage.getScene().getRoot();
        Node target = root instanceof StackPane s ? s.getChildren().getFirst() : root;
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, false, false));
    }
}
