package io.vigia.views.dashboards;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

/**
 * Moving and resizing panels in edit mode, on Grafana's grid of 24 columns: drag a panel to move
 * it, drag its bottom-right corner to resize it. The panel follows the mouse; on release it snaps
 * to the grid and the change becomes one undoable edit.
 */
final class PanelDrag {
    private static final double CORNER = 16;
    private final DashboardViewModel vm;
    private final Pane grid;
    private double startX;
    private double startY;
    private boolean resizing;

    PanelDrag(DashboardViewModel vm, Pane grid) {
        this.vm = vm;
        this.grid = grid;
    }

    void attach(PanelView view) {
        view.addEventFilter(MouseEvent.MOUSE_MOVED, e -> view.setCursor(inCorner(view, e) ? Cursor.SE_RESIZE : Cursor.MOVE));
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (onButton(e)) {
                return; // the edit bar's buttons
            }
            startX = e.getSceneX();
            startY = e.getSceneY();
            resizing = inCorner(view, e);
            view.toFront();
            e.consume();
        });
        view.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (onButton(e)) {
                return;
            }
            double dx = e.getSceneX() - startX;
            double dy = e.getSceneY() - startY;
            if (resizing) {
                view.resize(Math.max(60, view.getWidth() + dx), Math.max(40, view.getHeight() + dy));
                startX = e.getSceneX();
                startY = e.getSceneY();
            } else {
                view.setTranslateX(dx);
                view.setTranslateY(dy);
            }
            e.consume();
        });
        view.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (onButton(e)) {
                return; // a button needs its release to fire
            }
            Panel p = view.panel();
            double col = (grid.getWidth() - DashboardView.GAP) / GridPos.COLUMNS;
            if (resizing) {
                int w = clamp((int) Math.round((view.getWidth() + DashboardView.GAP) / col), 1, GridPos.COLUMNS - p.grid().x());
                int h = Math.max(2, (int) Math.round((view.getHeight() + DashboardView.GAP) / DashboardView.ROW_HEIGHT));
                vm.editing().resizePanel(p.id(), w, h);
            } else {
                int x = clamp(p.grid().x() + (int) Math.round(view.getTranslateX() / col), 0, GridPos.COLUMNS - p.grid().w());
                int y = Math.max(0, p.grid().y() + (int) Math.round(view.getTranslateY() / DashboardView.ROW_HEIGHT));
                view.setTranslateX(0);
                view.setTranslateY(0);
                if (x != p.grid().x() || y != p.grid().y()) {
                    vm.editing().movePanel(p.id(), x, y);
                }
            }
            grid.requestLayout();
            e.consume();
        });
        // in edit mode a click does not zoom or annotate
        view.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (!onButton(e)) {
                e.consume();
            }
        });
    }

    /** Whether the event is on a button of the edit bar, or on its text (the target is then the label inside it). */
    private static boolean onButton(MouseEvent e) {
        Object t = e.getTarget();
        for (Node n = t instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof ButtonBase) {
                return true;
            }
            if (n instanceof PanelView) {
                return false;
            }
        }
        return false;
    }

    private static boolean inCorner(PanelView view, MouseEvent e) {
        return e.getX() > view.getWidth() - CORNER && e.getY() > view.getHeight() - CORNER;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
