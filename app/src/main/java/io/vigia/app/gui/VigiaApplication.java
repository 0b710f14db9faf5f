package io.vigia.app.gui;

import io.vigia.app.diagnostics.CrashHandler;
import io.vigia.dashboards.demo.DemoLoad;
import io.vigia.dashboards.demo.DemoWorkspace;
import java.time.Clock;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.persistence.workspace.WorkspaceException;
import io.vigia.datasources.secrets.DeferredSecretStore;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/** The GUI's entry: opens the workspace off the UI thread, then builds the window. */
public final class VigiaApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(VigiaApplication.class);
    // Application.launch creates this class itself: the launcher hands over the path, and reads
    // back the exit status, through these two fields of the composition root.
    private static volatile Path workspacePath;
    private static volatile int exitStatus;
    private static volatile String dashboardToOpen;

    private Workspace workspace;
    private Map<String, String> settings;
    private SqliteSeriesStore store;
    private DemoLoad demoLoad;
    private WorkspaceException openError;
    private GuiComposition gui;

    static void workspaceToOpen(Path path, String dashboard) {
        workspacePath = path;
        dashboardToOpen = dashboard;
        exitStatus = 0;
    }

    static int exitStatus() {
        return exitStatus;
    }

    @Override
    public void init() {
        try {
            workspace = Workspace.open(workspacePath);
            SettingsRepository repository = new SettingsRepository(workspace);
            settings = repository.all();
            store = new SqliteSeriesStore(workspace);
            if (DemoWorkspace.shouldLoad(repository, store)) {
                // started here, while the toolkit builds the window, so the first window has data sooner
                demoLoad = DemoLoad.start(repository, store, Clock.systemUTC());
            }
        } catch (WorkspaceException e) {
            openError = e;
        }
    }

    @Override
    public void start(Stage stage) {
        if (openError != null) {
            LOG.error("cannot open workspace: {}", openError.getMessage());
            exitStatus = 3;
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle("Vigia cannot open the workspace");
            alert.setHeaderText("Vigia cannot open the workspace");
            TextArea text = new TextArea(openError.getMessage());
            text.setEditable(false);
            text.setWrapText(true);
            alert.getDialogPane().setContent(text);
            alert.showAndWait();
            Platform.exit();
            return;
        }
        gui = GuiComposition.create(workspace, store, settings, demoLoad, dashboardToOpen, DeferredSecretStore.keyringOrMemory(), stage);
        stage.show();
        String crash = System.getProperty("vigia.debug.crashFx");
        if (crash != null) {
            // test hook: an uncaught exception on the JavaFX thread, as an event handler's would be
            Platform.runLater(() -> CrashHandler.crashIfAsked("vigia.debug.crashFx"));
        }
    }

    @Override
    public void stop() {
        if (gui != null) {
            gui.close();
        }
        if (demoLoad != null) {
            demoLoad.cancel();
            demoLoad.done().handle((n, e) -> null).join();
        }
        if (store != null) {
            store.close();
        }
        if (workspace != null) {
            workspace.close();
        }
    }
}
