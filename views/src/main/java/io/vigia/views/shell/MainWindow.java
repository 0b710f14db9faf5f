package io.vigia.views.shell;

import io.vigia.views.shortcuts.ShortcutRegistry;
import io.vigia.views.tasks.RunningTask;
import javafx.collections.ObservableList;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.Objects;

/**
 * The main window: navigation on the left, the selected page in the middle, the status bar at the
 * bottom, the shortcut help above everything when asked for. Binds to {@link MainViewModel}; holds
 * no state of its own.
 */
public final class MainWindow {
    public static final String STYLESHEET = Objects.requireNonNull(
            MainWindow.class.getResource("/io/vigia/views/vigia.css")).toExternalForm();
    private static final KeyCombination.Modifier SHORTCUT = KeyCombination.SHORTCUT_DOWN;

    private final MainViewModel vm;
    private final ShortcutRegistry shortcuts;
    private final StackPane root = new StackPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup navGroup = new ToggleGroup();
    private final Scene scene;
    private Node helpOverlay;

    public MainWindow(MainViewModel vm, ShortcutRegistry shortcuts, ObservableList<RunningTask> running, Runnable quit) {
        this.vm = vm;
        this.shortcuts = shortcuts;
        BorderPane frame = new BorderPane();
        frame.getStyleClass().add("main-frame");
        frame.setLeft(navigation());
        content.getStyleClass().add("page-area");
        frame.setCenter(content);
        frame.setBottom(new StatusBar(vm, running));
        root.getChildren().add(frame);
        registerShortcuts(quit);
        vm.selectedPageProperty().addListener((o, a, p) -> show(p));
        show(vm.selectedPageProperty().get());
        vm.helpVisibleProperty().addListener((o, a, visible) -> setHelp(visible));
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(STYLESHEET);
        shortcuts.install(scene);
    }

    public Scene scene() {
        return scene;
    }

    private Node navigation() {
        VBox nav = new VBox();
        nav.getStyleClass().add("navigation");
        Label brand = new Label("Vigia");
        brand.getStyleClass().add("brand");
        nav.getChildren().add(brand);
        List<Page> pages = vm.pages();
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            ToggleButton b = new ToggleButton(p.title());
            b.setId("nav-" + p.id());
            b.getStyleClass().add("nav-item");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setToggleGroup(navGroup);
            b.setTooltip(new Tooltip(p.description() + (i < 9 ? "  (Ctrl+" + (i + 1) + ")" : "")));
            int index = i;
            b.setOnAction(e -> {
                vm.select(index);
                b.setSelected(true); // a second click keeps the page selected
            });
            nav.getChildren().add(b);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label help = new Label("F1  shortcuts");
        help.getStyleClass().add("nav-hint");
        nav.getChildren().addAll(spacer, help);
        return nav;
    }

    private void show(Page p) {
        if (p == null) {
            return;
        }
        content.getChildren().setAll(p.view());
        navGroup.getToggles().stream().filter(t -> ((Node) t).getId().equals("nav-" + p.id()))
                .findFirst().ifPresent(t -> t.setSelected(true));
    }

    private void setHelp(boolean visible) {
        if (visible && helpOverlay == null) {
            helpOverlay = new HelpOverlay(shortcuts, vm.pages(), () -> vm.helpVisibleProperty().set(false));
            root.getChildren().add(helpOverlay);
        } else if (!visible && helpOverlay != null) {
            root.getChildren().remove(helpOverlay);
            helpOverlay = null;
        }
    }

    private void registerShortcuts(Runnable quit) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < Math.min(digits.length, vm.pages().size()); i++) {
            int index = i;
            shortcuts.register(new KeyCodeCombination(digits[i], SHORTCUT), "Go to " + vm.pages().get(i).title(),
                    () -> vm.select(index));
        }
        shortcuts.register(new KeyCodeCombination(KeyCode.F1), "Show or hide this list of shortcuts", vm::toggleHelp);
        shortcuts.register(new KeyCodeCombination(KeyCode.SLASH, SHORTCUT), "Show or hide this list of shortcuts", vm::toggleHelp);
        shortcuts.register(new KeyCodeCombination(KeyCode.ESCAPE), "Close the overlay", () -> vm.helpVisibleProperty().set(false));
        shortcuts.register(new KeyCodeCombination(KeyCode.R, SHORTCUT), "Refresh the page", () -> {
            Page p = vm.selectedPageProperty().get();
            if (p != null) {
                p.shown();
            }
        });
        shortcuts.register(new KeyCodeCombination(KeyCode.Q, SHORTCUT), "Quit", quit);
    }

    /** Puts the stage where it was last time, if that place is still on a screen. */
    public void restoreGeometry(Stage stage) {
        vm.initialGeometry().ifPresent(g -> {
            boolean visible = !Screen.getScreensForRectangle(new Rectangle2D(g.x(), g.y(), Math.max(1, g.width()),
                    Math.max(1, g.height()))).isEmpty();
            if (visible && g.width() >= 400 && g.height() >= 300) {
                stage.setX(g.x());
                stage.setY(g.y());
                stage.setWidth(g.width());
                stage.setHeight(g.height());
            }
            stage.setMaximized(g.maximized());
        });
    }

    public WindowGeometry geometry(Stage stage) {
        return new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }
}
