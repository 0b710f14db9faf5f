package io.vigia.views.shell;

import io.vigia.views.shortcuts.KeyHelp;
import io.vigia.views.shortcuts.Shortcut;
import io.vigia.views.shortcuts.ShortcutRegistry;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The keyboard shortcuts of the window, then the keys each page handles itself, over a dimmed
 * background; Esc or a click closes it.
 */
public final class HelpOverlay extends StackPane {
    public HelpOverlay(ShortcutRegistry shortcuts, List<Page> pages, Runnable close) {
        getStyleClass().add("help-overlay");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-grid");
        int row = 0;
        for (Shortcut s : shortcuts.all()) {
            Label keys = new Label(s.keysText());
            keys.getStyleClass().add("help-keys");
            Label what = new Label(s.description());
            grid.addRow(row++, keys, what);
        }
        for (Page p : pages) {
            if (p.keyHelp().isEmpty()) {
                continue;
            }
            Label section = new Label(p.title());
            section.getStyleClass().add("help-section");
            grid.add(section, 0, row++, 2, 1);
            for (KeyHelp k : p.keyHelp()) {
                Label keys = new Label(k.keys());
                keys.getStyleClass().add("help-keys");
                grid.addRow(row++, keys, new Label(k.description()));
            }
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("help-title");
        Label hint = new Label("Press Esc or click to close");
        hint.getStyleClass().add("help-hint");
        VBox card = new VBox(title, grid, hint);
        card.getStyleClass().add("help-card");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setOnMouseClicked(e -> close.run());
    }
}
