package io.vigia.app.gui;

import io.vigia.app.VigiaVersion;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.DashboardListPage;
import io.vigia.views.dashboards.DashboardListViewModel;
import io.vigia.views.dialogs.DialogService;
import io.vigia.views.dialogs.FxDialogService;
import io.vigia.views.settings.SettingsPage;
import io.vigia.views.shell.MainViewModel;
import io.vigia.views.shell.MainWindow;
import io.vigia.views.shell.Page;
import io.vigia.views.shell.PlaceholderPage;
import io.vigia.views.shortcuts.ShortcutRegistry;
import io.vigia.views.tasks.FxTaskExecutor;
import io.vigia.views.tasks.TaskScope;
import io.vigia.views.theme.ThemeManager;
import javafx.stage.Stage;

import java.util.List;
import java.util.Map;

/**
 * Builds the window and everything behind it for one workspace: the one place that knows every
 * service. Used by {@link VigiaApplication} and by the UI tests, so both run the same wiring.
 */
public final class GuiComposition implements AutoCloseable {
    private final Workspace workspace;
    private final FxTaskExecutor executor;
    private final MainViewModel viewModel;
    private final MainWindow window;
    private final ThemeManager theme;
    private final Stage stage;

    private GuiComposition(Workspace workspace, FxTaskExecutor executor, MainViewModel viewModel, MainWindow window,
                           ThemeManager theme, Stage stage) {
        this.workspace = workspace;
        this.executor = executor;
        this.viewModel = viewModel;
        this.window = window;
        this.theme = theme;
        this.stage = stage;
    }

    /** Builds the window on {@code stage}; call on the JavaFX thread. {@code settings} were read beforehand, off it. */
    public static GuiComposition create(Workspace workspace, Map<String, String> settings, Stage stage) {
        FxTaskExecutor executor = new FxTaskExecutor(4);
        DialogService dialogs = new FxDialogService(() -> stage);
        ThemeManager theme = new ThemeManager();
        ShortcutRegistry shortcuts = new ShortcutRegistry();
        TaskScope dashboardTasks = executor.scope();
        List<Page> pages = List.of(
                new DashboardListPage(new DashboardListViewModel(new DashboardStore(workspace), dashboardTasks, dialogs), dashboardTasks),
                new PlaceholderPage("explore", "Explore", "Ad-hoc PromQL and LogQL queries",
                        "The query editor is not built yet. Meanwhile, `vigia query` runs PromQL from the command line."),
                new PlaceholderPage("reports", "Reports", "Weekly PDF, HTML and CSV reports",
                        "The reports page is not built yet."),
                new PlaceholderPage("sources", "Data sources", "Prometheus, Loki and the local store",
                        "Data source settings are not built yet: the app reads the local workspace store."),
                new SettingsPage(theme.choiceProperty(), workspace.file().toString(), VigiaVersion.get()));
        MainViewModel vm = new MainViewModel(pages, new SettingsRepository(workspace), executor, settings,
                workspace.file().getFileName().toString());
        theme.choiceProperty().set(vm.themeProperty().get());
        theme.choiceProperty().bindBidirectional(vm.themeProperty());
        theme.apply();
        MainWindow window = new MainWindow(vm, shortcuts, executor.running(), stage::close);
        stage.setTitle("Vigia — " + workspace.file().getFileName());
        stage.setScene(window.scene());
        window.restoreGeometry(stage);
        return new GuiComposition(workspace, executor, vm, window, theme, stage);
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public FxTaskExecutor executor() {
        return executor;
    }

    public ThemeManager theme() {
        return theme;
    }

    public MainWindow window() {
        return window;
    }

    /** Stops background work and remembers where the window was. */
    @Override
    public void close() {
        viewModel.close();
        executor.close();
        // written here, synchronously: the app is quitting and nothing else runs on this thread now
        new SettingsRepository(workspace).putAll(window.geometry(stage).toSettings());
    }
}
