package io.vigia.views.shell;

import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import io.vigia.views.theme.ThemeChoice;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The main window's behaviour, driven without a scene or the JavaFX toolkit. */
class MainViewModelTest {
    @TempDir
    Path dir;

    record StubPage(String id, List<String> shownLog) implements Page {
        @Override
        public String title() {
            return id.toUpperCase();
        }

        @Override
        public String description() {
            return id;
        }

        @Override
        public Node view() {
            throw new AssertionError("view models never build views");
        }

        @Override
        public void shown() {
            shownLog.add(id);
        }
    }

    @Test
    void selectingPagesShowsThemAndTheLastPageAndThemeAreRemembered() {
        List<String> shown = new ArrayList<>();
        List<Page> pages = List.of(new StubPage("dashboards", shown), new StubPage("explore", shown), new StubPage("settings", shown));
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            SettingsRepository settings = new SettingsRepository(ws);
            MainViewModel vm = new MainViewModel(pages, settings, new SameThreadTaskExecutor(), Map.of(), "ws.vigia");
            assertThat(vm.selectedPageProperty().get().id()).isEqualTo("dashboards");
            vm.select(1);
            vm.select(7); // no such page: ignored
            assertThat(vm.selectedPageProperty().get().id()).isEqualTo("explore");
            vm.themeProperty().set(ThemeChoice.DARK);
            assertThat(settings.get(MainViewModel.THEME_KEY)).contains("dark");
            assertThat(settings.get(MainViewModel.PAGE_KEY)).contains("explore");
            assertThat(shown).containsExactly("dashboards", "explore");

            MainViewModel next = new MainViewModel(pages, settings, new SameThreadTaskExecutor(), settings.all(), "ws.vigia");
            assertThat(next.selectedPageProperty().get().id()).isEqualTo("explore");
            assertThat(next.themeProperty().get()).isEqualTo(ThemeChoice.DARK);
            assertThatThrownBy(() -> next.select("nope")).hasMessageContaining("no page nope");
        }
    }

    @Test
    void helpTogglesAndGeometryRoundTrips() {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            SettingsRepository settings = new SettingsRepository(ws);
            MainViewModel vm = new MainViewModel(List.of(new StubPage("a", new ArrayList<>())), settings,
                    new SameThreadTaskExecutor(), Map.of(), "ws");
            vm.toggleHelp();
            assertThat(vm.helpVisibleProperty().get()).isTrue();
            vm.toggleHelp();
            assertThat(vm.helpVisibleProperty().get()).isFalse();
            vm.saveGeometry(new WindowGeometry(10, 20, 1400, 900, false));
            assertThat(WindowGeometry.fromSettings(settings.all())).contains(new WindowGeometry(10, 20, 1400, 900, false));
            assertThat(WindowGeometry.fromSettings(Map.of("ui.window", "garbage"))).isEmpty();
        }
    }
}
