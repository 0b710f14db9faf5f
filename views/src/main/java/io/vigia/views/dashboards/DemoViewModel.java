package io.vigia.views.dashboards;

import io.vigia.dashboards.demo.DemoLoad;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.views.dialogs.DialogService;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskScope;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.Clock;

/**
 * The demo workspace in the app: loads it in the background on first start (telling the open
 * dashboard to refresh as soon as the series are in), shows whether it is active, and
 * removes it on request.
 */
public final class DemoViewModel {
    private final SettingsRepository settings;
    private final SqliteSeriesStore store;
    private final TaskScope tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final BooleanProperty active = new SimpleBooleanProperty();

    public DemoViewModel(SettingsRepository settings, SqliteSeriesStore store, TaskScope tasks, DialogService dialogs,
                         Clock clock, boolean initiallyActive) {
        this.settings = settings;
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
        active.set(initiallyActive);
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    /**
     * Follows a demo load started before the window existed: {@code recentReady} and {@code done}
     * run on the FX thread when the series, then the guardrail events, are stored (see {@link DemoLoad}).
     */
    public void follow(DemoLoad load, Runnable recentReady, Runnable done) {
        active.set(true);
        load.recent().whenComplete((n, e) -> Platform.runLater(() -> {
            if (e == null) {
                recentReady.run();
            } else {
                dialogs.showError("Could not load the demo data", e.getMessage());
            }
        }));
        load.done().thenRun(() -> Platform.runLater(done));
    }

    /** Asks, then deletes the demo series; {@code after} runs on the FX thread when they are gone. */
    public void remove(Runnable after) {
        if (!dialogs.confirm("Remove the demo data?", "This deletes the simulated history from this workspace. "
                + "Your own data sources, dashboards and imports are kept.")) {
            return;
        }
        tasks.submit(BackgroundTask.of("Removing demo data", p -> DemoWorkspace.remove(settings, store))
                .onSuccess(n -> {
                    active.set(false);
                    after.run();
                })
                .onFailure(e -> dialogs.showError("Could not remove the demo data", e.getMessage())));
    }
}
