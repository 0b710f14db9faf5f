package io.vigia.dashboards.edit;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits a dashboard as a sequence of immutable versions: every change pushes the previous
 * version on the undo stack, so undo and redo are exact. After a move or resize, panels that
 * would overlap are pushed down, as on Grafana's grid; a panel in a section moves on its section's
 * grid. Not thread-safe; used from the UI thread.
 */
public final class DashboardEditor {
    private static final int MAX_UNDO = 200;

    private Dashboard current;
    private final Deque<Dashboard> undo = new ArrayDeque<>();
    private final Deque<Dashboard> redo = new ArrayDeque<>();

    public DashboardEditor(Dashboard start) {
        this.current = start;
    }

    public Dashboard current() {
        return current;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Dashboard undo() {
        if (!undo.isEmpty()) {
            redo.push(current);
            current = undo.pop();
        }
        return current;
    }

    public Dashboard redo() {
        if (!redo.isEmpty()) {
            undo.push(current);
            current = redo.pop();
        }
        return current;
    }

    /** Applies any change as one undoable step. */
    public Dashboard apply(UnaryOperator<Dashboard> change) {
        Dashboard next = change.apply(current);
        if (!next.equals(current)) {
            undo.push(current);
            if (undo.size() > MAX_UNDO) {
                undo.removeLast();
            }
            redo.clear();
            current = next;
        }
        return current;
    }

    /** Adds a panel under the lowest one, with a fresh id. */
    public Dashboard add(Panel panel) {
        return apply(d -> {
            int bottom = d.panels().stream().mapToInt(p -> p.grid().bottom()).max().orElse(0);
            Panel placed = panel.withId(d.nextPanelId()).withGrid(panel.grid().movedTo(panel.grid().x(), bottom));
            List<Panel> panels = new ArrayList<>(d.panels());
            panels.add(placed);
            return d.withPanels(panels);
        });
    }

    public Dashboard move(int panelId, int x, int y) {
        return apply(d -> settle(replace(d, panelId, p -> p.withGrid(p.grid().movedTo(x, y))), panelId));
    }

    public Dashboard resize(int panelId, int w, int h) {
        return apply(d -> settle(replace(d, panelId, p -> p.withGrid(p.grid().resizedTo(w, h))), panelId));
    }

    /** A copy beside the original (or under it when there is no room), titled as a copy. */
    public Dashboard duplicate(int panelId) {
        return apply(d -> {
            Panel original = find(d, panelId);
            GridPos g = original.grid();
            boolean fitsRight = g.x() + 2 * g.w() <= GridPos.COLUMNS;
            GridPos at = fitsRight ? g.movedTo(g.x() + g.w(), g.y()) : g.movedTo(g.x(), g.bottom());
            Panel copy = original.withId(d.nextPanelId()).withTitle(original.title() + " (copy)").withGrid(at);
            return settle(d.mapGrid(panelId, grid -> {
                List<Panel> panels = new ArrayList<>(grid);
                panels.add(panels.indexOf(original) + 1, copy);
                return panels;
            }), copy.id());
        });
    }

    public Dashboard remove(int panelId) {
        return apply(d -> d.mapGrid(panelId, grid -> grid.stream().filter(p -> p.id() != panelId).toList()));
    }

    public Dashboard update(int panelId, UnaryOperator<Panel> change) {
        return apply(d -> replace(d, panelId, change));
    }

    private static Panel find(Dashboard d, int id) {
        return d.gridOf(id).flatMap(grid -> grid.stream().filter(p -> p.id() == id).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no panel " + id + " on " + d.title()));
    }

    private static Dashboard replace(Dashboard d, int id, UnaryOperator<Panel> change) {
        find(d, id);
        return d.mapGrid(id, grid -> grid.stream().map(p -> p.id() == id ? change.apply(p) : p).toList());
    }

    /**
     * Keeps {@code fixedId} where the user put it and pushes every panel it now overlaps (and
     * those they then overlap) down, top to bottom, until nothing overlaps.
     */
    static Dashboard settle(Dashboard d, int fixedId) {
        return d.mapGrid(fixedId, grid -> settle(grid, fixedId));
    }

    private static List<Panel> settle(List<Panel> grid, int fixedId) {
        List<Panel> placed = new ArrayList<>();
        Panel fixed = grid.stream().filter(p -> p.id() == fixedId).findFirst().orElseThrow();
        placed.add(fixed);
        List<Panel> others = new ArrayList<>(grid.stream().filter(p -> p.id() != fixedId).toList());
        others.sort(Comparator.comparingInt((Panel p) -> p.grid().y()).thenComparingInt(p -> p.grid().x()));
        for (Panel p : others) {
            GridPos g = p.grid();
            boolean moved = true;
            while (moved) {
                moved = false;
                for (Panel q : placed) {
                    if (q.grid().overlaps(g)) {
                        g = g.movedTo(g.x(), q.grid().bottom());
                        moved = true;
                    }
                }
            }
            placed.add(p.withGrid(g));
        }
        // keep the list order the grid had
        List<Panel> ordered = new ArrayList<>();
        for (Panel p : grid) {
            placed.stream().filter(q -> q.id() == p.id()).findFirst().ifPresent(ordered::add);
        }
        return ordered;
    }
}
