package io.vigia.views.shell;

import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskExecutor;
import io.vigia.views.theme.ThemeChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * State and behaviour of the main window, free of controls so that tests drive it directly: the
 * pages and which one shows, the help overlay, the theme, the status line, and the settings that
 * outlive a session (saved in the background).
 */
public final class MainViewModel {
    static final String THEME_KEY = "ui.theme";
    static final String PAGE_KEY = "ui.page";

    private final List<Page> pages;
    private final SettingsRepository settings;
    private final TaskExecutor executor;
    private final Map<String, String> initialSettings;
    private final String workspaceName;
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<Page> selectedPage = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty helpVisible = new SimpleBooleanProperty(false);
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Ready");

    /**
     * @param initialSettings the workspace settings, read off the UI thread before the window is built
     */
    public MainViewModel(List<Page> pages, SettingsRepository settings, TaskExecutor executor,
                         Map<String, String> initialSettings, String workspaceName) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("the window needs at least one page");
        }
        this.pages = List.copyOf(pages);
        this.settings = settings;
        this.executor = executor;
        this.initialSettings = Map.copyOf(initialSettings);
        this.workspaceName = workspaceName;
        theme.set(ThemeChoice.parse(initialSettings.getOrDefault(THEME_KEY, "system")));
        theme.addListener((o, a, b) -> save(Map.of(THEME_KEY, b.name().toLowerCase())));
        selectedIndex.addListener((o, a, b) -> {
            Page p = this.pages.get(b.intValue());
            selectedPage.set(p);
            p.shown();
            save(Map.of(PAGE_KEY, p.id()));
        });
        String lastPage = initialSettings.getOrDefault(PAGE_KEY, this.pages.getFirst().id());
        int start = 0;
        for (int i = 0; i < this.pages.size(); i++) {
            if (this.pages.get(i).id().equals(lastPage)) {
                start = i;
            }
        }
        selectedIndex.set(start);
    }

    public List<Page> pages() {
        return pages;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public ReadOnlyObjectProperty<Page> selectedPageProperty() {
        return selectedPage.getReadOnlyProperty();
    }

    /** Selects a page by its position (Ctrl+1 is 0); out-of-range positions are ignored. */
    public void select(int index) {
        if (index >= 0 && index < pages.size()) {
            selectedIndex.set(index);
        }
    }

    public void select(String id) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).id().equals(id)) {
                select(i);
                return;
            }
        }
        throw new IllegalArgumentException("no page " + id);
    }

    public BooleanProperty helpVisibleProperty() {
        return helpVisible;
    }

    public void toggleHelp() {
        helpVisible.set(!helpVisible.get());
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public String workspaceName() {
        return workspaceName;
    }

    public Optional<WindowGeometry> initialGeometry() {
        return WindowGeometry.fromSettings(initialSettings);
    }

    public void saveGeometry(WindowGeometry g) {
        save(g.toSettings());
    }

    private void save(Map<String, String> values) {
        executor.submit(BackgroundTask.of("Saving settings", p -> {
            settings.putAll(values);
            return null;
        }).quiet().onFailure(e -> status.set("Could not save settings: " + e.getMessage())));
    }

    /** Closes every page (their background work stops). */
    public void close() {
        pages.forEach(Page::close);
    }
}
