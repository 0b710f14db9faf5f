package io.vigia.views.shell;

import io.vigia.views.shortcuts.Shortcut;
import io.vigia.views.shortcuts.ShortcutRegistry;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts of the window over a dimmed background; Esc or a click closes it. */
public final class HelpOverlay extends StackPane {
    public HelpOverlay(ShortcutRegistry shortcuts, Runnable close) {
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
