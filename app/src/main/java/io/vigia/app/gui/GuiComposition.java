package io.vigia.app.gui;

import io.vigia.datasources.bindings.store.BindingsOnFirstUse;

import io.vigia.app.VigiaVersion;
import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.demo.DemoLoad;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretStore;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.persistence.workspace.DataSourceRepository;
import io.vigia.persistence.workspace.QueryCacheRepository;
import io.vigia.views.sources.BindingsView;
import io.vigia.views.sources.BindingsViewModel;
import io.vigia.views.sources.DataSourcesPage;
import io.vigia.views.sources.DataSourcesViewModel;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.views.dashboards.DashboardContext;
import io.vigia.views.dashboards.DemoViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.DashboardListPage;
import io.vigia.views.dashboards.DashboardListViewModel;
import io.vigia.views.dialogs.DialogService;
import io.vigia.views.dialogs.FxDialogService;
import io.vigia.datasources.imports.FileImporter;
import io.vigia.views.imports.ImportPage;
import io.vigia.views.imports.ImportViewModel;
import io.vigia.views.settings.OtlpReceiverViewModel;
import io.vigia.views.settings.SettingsPage;
import io.vigia.datasources.otlp.OtlpReceiver;
import io.vigia.datasources.otlp.OtlpReceiverOptions;
import io.vigia.views.shell.MainViewModel;
import io.vigia.views.shell.MainWindow;
import io.vigia.views.shell.Page;
import io.vigia.views.reports.ReportsPage;
import io.vigia.views.shortcuts.ShortcutRegistry;
import io.vigia.views.tasks.FxTaskExecutor;
import io.vigia.views.tasks.TaskScope;
import io.vigia.views.theme.ThemeManager;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.views.ask.AskDialog;
import io.vigia.views.findings.FindingsPage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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

    private final DataSourceCatalog catalog;
    private final OtlpReceiverViewModel otlp;
    private final AskDialog ask;

    private GuiComposition(Workspace workspace, FxTaskExecutor executor, MainViewModel viewModel, MainWindow window,
                           ThemeManager theme, Stage stage, DataSourceCatalog catalog, OtlpReceiverViewModel otlp, AskDialog ask) {
        this.ask = ask;
        this.catalog = catalog;
        this.otlp = otlp;
        this.workspace = workspace;
        this.executor = executor;
        this.viewModel = viewModel;
        this.window = window;
        this.theme = theme;
        this.stage = stage;
    }

    private static ReportsPage reportsPage(Workspace workspace, DataSourceCatalog catalog, BindingsOnFirstUse bindings,
                                           FxTaskExecutor executor, Clock clock) {
        ReportsPage page = ReportsPage.create(workspace, () -> catalog.metricsSource(""), DemoWorkspace.INTERVAL, executor.scope(), clock);
        page.viewModel().setBindings(() -> bindings.of(""));
        return page;
    }

    private static final Logger LOG = LoggerFactory.getLogger(GuiComposition.class);
    /** Remote results kept in the workspace for instant, offline opening. */
    private static final long QUERY_CACHE_BYTES = 256L * 1024 * 1024;

    /**
     * Builds the window on {@code stage}; call on the JavaFX thread. {@code settings} were read
     * beforehand, off it; {@code demoLoad}, when not null, is the demo history being loaded into this
     * new, empty workspace: Copilot Health opens and fills as soon as the recent days are in.
     */
    public static GuiComposition create(Workspace workspace, SqliteSeriesStore store, Map<String, String> settings,
                                        DemoLoad demoLoad, Stage stage) {
        return create(workspace, store, settings, demoLoad, null, new InMemorySecretStore(), stage);
    }

    /**
     * As above, opening the dashboard {@code openUid} (when not null) instead of Copilot Health, with
     * data source secrets in {@code secrets}.
     */
    public static GuiComposition create(Workspace workspace, SqliteSeriesStore store, Map<String, String> settings,
                                        DemoLoad demoLoad, String openUid, SecretStore secrets, Stage stage) {
        boolean loadDemo = demoLoad != null;
        FxTaskExecutor executor = new FxTaskExecutor();
        DialogService dialogs = new FxDialogService(() -> stage);
        ThemeManager theme = new ThemeManager();
        ShortcutRegistry shortcuts = new ShortcutRegistry();
        TaskScope dashboardTasks = executor.scope();
        Clock clock = Clock.systemUTC();
        MetricsSource local = new LocalPromqlSource("local", store);
        DataSourceCatalog catalog = new DataSourceCatalog(new DataSourceRepository(workspace), secrets, local,
                new io.vigia.datasources.logs.GuardrailEventLogs(workspace), new QueryCacheRepository(workspace, QUERY_CACHE_BYTES), clock);
        BindingsOnFirstUse bindings = WorkspaceBindings.onFirstUse(workspace, catalog, clock);
        DataSourcesPage sourcesPage = new DataSourcesPage(new DataSourcesViewModel(catalog, executor.scope(), dialogs,
                "the workspace's own store (" + workspace.file().getFileName() + ")"),
                new BindingsView(new BindingsViewModel(WorkspaceBindings.access(workspace, catalog, bindings, clock), executor.scope())));
        boolean demoLoaded = DemoWorkspace.LOADED.equals(settings.get(DemoWorkspace.SETTING));
        DemoViewModel demo = new DemoViewModel(new SettingsRepository(workspace), store, executor.scope(), dialogs, clock,
                demoLoaded);
        MainViewModel[] main = new MainViewModel[1];
        // while the demo is shown, "now" is where its history ends (see DemoClock)
        // (a demo loading now has not written its end into the settings read before it started)
        java.util.Optional<java.time.Instant> demoEnd = loadDemo ? java.util.Optional.of(demoLoad.end()) : DemoWorkspace.end(settings);
        Clock dashboardClock = new io.vigia.views.dashboards.DemoClock(clock,
                () -> demo.activeProperty().get() ? demoEnd : java.util.Optional.empty());
        DashboardContext context = new DashboardContext(catalog::metricsSource, catalog::cacheOnly, DemoWorkspace.INTERVAL, dashboardClock, ZoneId.systemDefault(),
                theme.darkProperty(), demo.activeProperty(), () -> demo.remove(() -> {
                    // "one click to remove the demo and add a real source": the editor opens empty
                    main[0].select("sources");
                    sourcesPage.viewModel().newSource();
                }), new io.vigia.persistence.workspace.AnnotationRepository(workspace),
                new io.vigia.views.dashboards.CatalogLogSources(catalog),
                new io.vigia.dashboards.time.RecentRanges(new SettingsRepository(workspace)), bindings::of);
        DashboardListViewModel dashboardsVm = new DashboardListViewModel(new DashboardStore(workspace), dashboardTasks, dialogs);
        DashboardListPage dashboardsPage = new DashboardListPage(dashboardsVm, dashboardTasks, context);
        // the Settings toggle runs the OTLP receiver into this workspace's store while the app is open
        OtlpReceiverViewModel otlp = new OtlpReceiverViewModel(() -> {
            OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiverOptions.defaults(), store.writer(), store, clock);
            return new OtlpReceiverViewModel.Running() {
                @Override
                public java.net.InetSocketAddress address() {
                    return receiver.address();
                }

                @Override
                public void close() {
                    receiver.close();
                }
            };
        }, executor.scope());
        ImportPage importPage = new ImportPage(new ImportViewModel(ImportViewModel.of(new FileImporter(workspace, store)),
                executor.scope(), javafx.application.Platform::runLater));
        io.vigia.views.explore.ExplorePage explorePage = io.vigia.views.explore.ExplorePage.create(catalog, workspace,
                executor.scope(), theme.darkProperty(), dashboardClock, DemoWorkspace.INTERVAL);
        ZoneId zone = ZoneId.systemDefault();
        FindingsPage findingsPage = AskWiring.findingsPage(workspace, catalog, bindings, dashboardClock, zone, executor.scope(),
                theme.darkProperty(), link -> {
            main[0].select("dashboards");
            dashboardsPage.open(link.dashboardUid(), new TimeRange(link.from(), link.to()));
        });
        List<Page> pages = List.of(
                dashboardsPage,
                explorePage,
                reportsPage(workspace, catalog, bindings, executor, clock),
                findingsPage,
                sourcesPage,
                importPage,
                new SettingsPage(theme.choiceProperty(), workspace.file().toString(), VigiaVersion.get(), otlp));
        MainViewModel vm = new MainViewModel(pages, new SettingsRepository(workspace), executor, settings,
                workspace.file().getFileName().toString());
        main[0] = vm;
        theme.choiceProperty().set(vm.themeProperty().get());
        theme.choiceProperty().bindBidirectional(vm.themeProperty());
        theme.apply();
        AskDialog ask = AskWiring.askDialog(workspace, catalog, bindings, secrets, dashboardClock, zone, executor.scope(),
                request -> {
                    vm.select(explorePage.id());
                    explorePage.viewModel().show(request.expr(), request.range());
                }, answer -> {
                    vm.select("dashboards");
                    dashboardsPage.open(answer.step().uid(), answer.range());
                }, () -> stage);
        // registered before the window installs the shortcuts, so the help overlay lists it with the others
        shortcuts.register(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                "Ask a question: a plan of read-only steps, then the numbers", ask::show);
        MainWindow window = new MainWindow(vm, shortcuts, executor.running(), stage::close);
        stage.setTitle("Vigia — " + workspace.file().getFileName());
        stage.setScene(window.scene());
        importPage.acceptDropsOn(window.scene(), () -> vm.select(ImportPage.ID));
        window.restoreGeometry(stage);
        if (openUid != null || loadDemo || demoLoaded) {
            vm.select("dashboards");
            dashboardsPage.open(openUid != null ? openUid : BuiltInDashboards.COPILOT_HEALTH);
        }
        if (loadDemo) {
            long started = ManagementFactory.getRuntimeMXBean().getStartTime();
            // completed on the FX thread when the first refresh over the demo's series has all its panels
            java.util.concurrent.CompletableFuture<Void> firstRefresh = new java.util.concurrent.CompletableFuture<>();
            demo.follow(demoLoad, () -> {
                LOG.info("demo: 30 days of series stored {} ms after JVM start", System.currentTimeMillis() - started);
                whenOpen(dashboardsVm, dashboardsPage, d -> {
                    d.viewModel().refreshesCompletedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                        @Override
                        public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                            o.removeListener(this);
                            String title = d.viewModel().dashboard().title();
                            LOG.info("demo: {} with data in every panel {} ms after JVM start", title,
                                    System.currentTimeMillis() - started);
                            logWhenPainted(window.scene(), title, started);
                            firstRefresh.complete(null);
                        }
                    });
                    d.viewModel().refresh();
                });
            }, () -> {
                LOG.info("demo: guardrail events stored {} ms after JVM start", System.currentTimeMillis() - started);
                // the logs panels and log annotations read the events; refreshing before the first
                // refresh is through would cancel its queries and start them again
                firstRefresh.thenRun(() -> dashboardsPage.openDashboard().ifPresent(d -> d.viewModel().refresh()));
            });
        }
        return new GuiComposition(workspace, executor, vm, window, theme, stage, catalog, otlp, ask);
    }

    /**
     * Runs {@code action} on the open dashboard now, or when it opens: the stored dashboard is
     * read in the background, and a fast demo load can have its recent days in before that.
     */
    private static void whenOpen(DashboardListViewModel vm, DashboardListPage page,
                                 java.util.function.Consumer<io.vigia.views.dashboards.DashboardView> action) {
        if (page.openDashboard().isPresent()) {
            action.accept(page.openDashboard().get());
            return;
        }
        vm.openProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends io.vigia.dashboards.model.Dashboard> o,
                                io.vigia.dashboards.model.Dashboard a, io.vigia.dashboards.model.Dashboard b) {
                // the page's own listener, added first, has built the view by now
                page.openDashboard().ifPresent(d -> {
                    o.removeListener(this);
                    action.accept(d);
                });
            }
        });
    }

    /**
     * Logs the end of the next pulse's layout: the panels' canvases paint in layout, so this is
     * when every panel has painted the data it just received (scripts/first-window.sh reads it).
     */
    private static void logWhenPainted(javafx.scene.Scene scene, String title, long jvmStarted) {
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean logged;

            @Override
            public void run() {
                if (logged) {
                    return;
                }
                logged = true;
                LOG.info("demo: {} painted in every panel {} ms after JVM start", title, System.currentTimeMillis() - jvmStarted);
                // the scene is going through its listeners: removing one now would break the iteration
                javafx.application.Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
            }
        });
        javafx.application.Platform.requestNextPulse();
    }

    /** Shows the dashboards page with the dashboard {@code uid} open. */
    public void openDashboard(String uid) {
        viewModel.select("dashboards");
        ((DashboardListPage) viewModel.pages().getFirst()).open(uid);
    }

    /** The Ctrl+K Ask dialog. */
    public AskDialog askDialog() {
        return ask;
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
        ask.close();
        viewModel.close();
        executor.close();
        otlp.close();
        catalog.close();
        // written here, synchronously: the app is quitting and nothing else runs on this thread now
        new SettingsRepository(workspace).putAll(window.geometry(stage).toSettings());
    }
}
