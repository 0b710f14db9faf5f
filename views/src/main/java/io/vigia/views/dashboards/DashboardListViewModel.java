package io.vigia.views.dashboards;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.grafana.GrafanaImport;
import io.vigia.dashboards.model.Dashboard;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import java.util.ArrayList;
import java.util.List;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.persistence.workspace.StoredDashboard;
import io.vigia.views.dialogs.DialogService;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The dashboards of the workspace and importing Grafana JSON, all I/O in the background. */
public final class DashboardListViewModel {
    private final DashboardStore store;
    private final TaskScope tasks;
    private final DialogService dialogs;
    private final ObservableList<StoredDashboard> dashboards = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Dashboard> open = new SimpleObjectProperty<>();

    public DashboardListViewModel(DashboardStore store, TaskScope tasks, DialogService dialogs) {
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    public ObservableList<StoredDashboard> dashboards() {
        return dashboards;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The dashboard shown instead of the list; null shows the list. */
    public ObjectProperty<Dashboard> openProperty() {
        return open;
    }

    /** Opens a dashboard of the workspace, or a built-in one (a saved copy with the same uid wins). */
    public void open(String uid) {
        tasks.submit(BackgroundTask.of("Opening dashboard", p -> store.load(uid).or(() -> BuiltInDashboards.find(uid))
                        .orElseThrow(() -> new IllegalArgumentException("no dashboard " + uid)))
                .quiet()
                .onSuccess(open::set)
                .onFailure(e -> dialogs.showError("Could not open the dashboard", e.getMessage())));
    }

    /** Built-in dashboards have no version in the workspace: updatedAt 0 marks them. */
    public static boolean isBuiltIn(StoredDashboard d) {
        return d.updatedAt() == 0 && d.version() == 0;
    }

    /** Saves an edited dashboard (blocking: called from a background task). */
    public void save(Dashboard d) {
        store.save(d);
    }

    public void refresh() {
        loading.set(true);
        tasks.submit(BackgroundTask.of("Loading dashboards", p -> {
            List<StoredDashboard> all = new ArrayList<>(store.list());
            for (Dashboard d : BuiltInDashboards.all()) {
                if (all.stream().noneMatch(s -> s.uid().equals(d.uid()))) {
                    all.add(new StoredDashboard(d.uid(), d.title(), "", 0, 0));
                }
            }
            return all;
        }).quiet()
                .onSuccess(list -> {
                    dashboards.setAll(list);
                    loading.set(false);
                    message.set("Double-click a dashboard to open it; built-in ones read the default source.");
                })
                .onFailure(e -> {
                    loading.set(false);
                    dialogs.showError("Could not load dashboards", e.getMessage());
                }));
    }

    public void importFile(Path file) {
        tasks.submit(BackgroundTask.<GrafanaImport>of("Importing " + file.getFileName(), p -> {
            p.progress(-1, -1);
            return store.importJson(Files.readString(file, StandardCharsets.UTF_8));
        }).onSuccess(imp -> {
            message.set("Imported \"" + imp.dashboard().title() + "\" with " + imp.dashboard().allPanels().size() + " panels"
                    + (imp.warnings().isEmpty() ? "." : "; " + imp.warnings().size() + " parts could not be carried over."));
            if (!imp.warnings().isEmpty()) {
                dialogs.showInfo("Imported with notes", String.join("\n", imp.warnings()));
            }
            refresh();
        }).onFailure(e -> dialogs.showError("Could not import " + file.getFileName(), e.getMessage())));
    }

    public void chooseAndImport() {
        dialogs.chooseFileToOpen("Import a Grafana dashboard", "Grafana dashboard JSON", "*.json").ifPresent(this::importFile);
    }
}
