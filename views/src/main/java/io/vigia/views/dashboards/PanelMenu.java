package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.Region;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The context menu of a time series panel (right click, or the context-menu key and Shift+F10 on
 * the focused panel): the panel's usual band, on or off, and "What changed here…" for the region
 * selected with Shift+drag (or Shift+arrows on the focused panel). Built when it opens, so that it shows the panel's state at that moment.
 */
final class PanelMenu {
    private final Panel panel;
    private final DashboardViewModel vm;
    private final Supplier<Optional<long[]>> region;
    private ContextMenu shown;

    private PanelMenu(Panel panel, DashboardViewModel vm, Supplier<Optional<long[]>> region) {
        this.panel = panel;
        this.vm = vm;
        this.region = region;
    }

    /** Gives a time series panel's view its context menu; other panels have none. */
    static void attach(Region view, Panel panel, DashboardViewModel vm, Supplier<Optional<long[]>> region) {
        if (panel.type() != PanelType.TIME_SERIES) {
            return;
        }
        PanelMenu menu = new PanelMenu(panel, vm, region);
        view.setFocusTraversable(true);
        view.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            menu.open(view, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private void open(Region owner, double screenX, double screenY) {
        if (shown != null) {
            shown.hide();
        }
        shown = build();
        shown.show(owner, screenX, screenY);
    }

    ContextMenu build() {
        CheckMenuItem band = new CheckMenuItem("Usual band (same time, 4 weeks before)");
        band.setId("panel-band-" + panel.id());
        band.setSelected(panel.options().graph().seasonalBand());
        // from the panel, not the item: the same whichever way the item was chosen
        band.setOnAction(e -> vm.setSeasonalBand(panel.id(), !panel.options().graph().seasonalBand()));
        Optional<long[]> selected = region.get();
        MenuItem whatChanged = new MenuItem(selected.isPresent() ? "What changed here…" : "What changed here… (Shift+drag or Shift+arrows: a region first)");
        whatChanged.setId("panel-what-changed-" + panel.id());
        whatChanged.setDisable(selected.isEmpty());
        selected.ifPresent(r -> whatChanged.setOnAction(e -> vm.whatChangedIn(panel, r[0], r[1])));
        ContextMenu menu = new ContextMenu(band, new SeparatorMenuItem(), whatChanged);
        menu.getStyleClass().add("panel-menu");
        return menu;
    }
}
