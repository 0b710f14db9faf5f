package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.Region;

/**
 * The context menu of a time series panel (right click, or the context-menu key and Shift+F10 on
 * the focused panel): the panel's usual band, on or off. Built when it opens, so that it shows
 * the panel's state at that moment.
 */
final class PanelMenu {
    private final Panel panel;
    private final DashboardViewModel vm;
    private ContextMenu shown;

    private PanelMenu(Panel panel, DashboardViewModel vm) {
        this.panel = panel;
        this.vm = vm;
    }

    /** Gives a time series panel's view its context menu; other panels have none. */
    static void attach(Region view, Panel panel, DashboardViewModel vm) {
        if (panel.type() != PanelType.TIME_SERIES) {
            return;
        }
        PanelMenu menu = new PanelMenu(panel, vm);
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
        ContextMenu menu = new ContextMenu(band);
        menu.getStyleClass().add("panel-menu");
        return menu;
    }
}
