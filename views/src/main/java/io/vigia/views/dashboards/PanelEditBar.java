package io.vigia.views.dashboards;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A panel's edit controls in Edit mode: Edit…, Duplicate and Remove as buttons where the panel is
 * wide enough, and as one "Edit" menu on a narrow panel (a stat a sixth of the row wide), where
 * three buttons were squeezed to "E…", "Dupli…" and covered the title.
 */
final class PanelEditBar extends HBox {
    /** Below this width the three buttons do not fit beside a title. */
    static final double NARROW = 330;

    PanelEditBar(int panelId, Runnable edit, Runnable duplicate, Runnable remove, ObservableDoubleValue panelWidth) {
        super(4);
        getStyleClass().add("panel-edit-bar");
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Button e = button("edit-panel-" + panelId, "Edit…", edit);
        Button d = button("duplicate-panel-" + panelId, "Duplicate", duplicate);
        Button r = button("remove-panel-" + panelId, "Remove", remove);
        r.getStyleClass().add("danger");
        MenuButton menu = new MenuButton("Edit");
        menu.setId("edit-menu-" + panelId);
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.getItems().addAll(item("Edit…", edit), item("Duplicate", duplicate), item("Remove", remove));
        getChildren().addAll(e, d, r, menu);
        Runnable fit = () -> {
            boolean narrow = panelWidth.get() < NARROW;
            for (Button b : new Button[] {e, d, r}) {
                b.setVisible(!narrow);
                b.setManaged(!narrow);
            }
            menu.setVisible(narrow);
            menu.setManaged(narrow);
        };
        panelWidth.addListener((o, a, b) -> fit.run());
        fit.run();
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(x -> action.run());
        return b;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(x -> action.run());
        return i;
    }
}
