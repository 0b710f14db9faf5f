package io.vigia.views.dashboards;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.edit.DashboardEditor;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Edit mode of an open dashboard: panels moved, resized, duplicated, edited, added and removed,
 * with undo and redo. Every change is shown at once and saved in the background (autosave);
 * a built-in dashboard stays as shipped and its first change makes an editable copy.
 */
public final class DashboardEditing {
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final Supplier<Dashboard> current;
    private final Consumer<Dashboard> show;
    private final TaskScope tasks;
    private final StringProperty status;
    private DashboardEditor editor;
    private Consumer<Dashboard> saver;

    /**
     * @param current the dashboard shown now
     * @param show    shows a new version (the panels are laid out again and reloaded when their queries changed)
     */
    DashboardEditing(Supplier<Dashboard> current, Consumer<Dashboard> show, TaskScope tasks, StringProperty status) {
        this.current = current;
        this.show = show;
        this.tasks = tasks;
        this.status = status;
    }

    /** Edit mode: panels can be moved, resized, duplicated, edited and removed. */
    public BooleanProperty editingProperty() {
        return editing;
    }

    /** Where edits are saved, at once after each change. Without a saver the dashboard cannot be edited. */
    public void setSaver(Consumer<Dashboard> saver) {
        this.saver = saver;
    }

    public boolean canEdit() {
        return saver != null;
    }

    public boolean canUndo() {
        return editor != null && editor.canUndo();
    }

    public boolean canRedo() {
        return editor != null && editor.canRedo();
    }

    public void movePanel(int id, int x, int y) {
        edit(e -> e.move(id, x, y));
    }

    public void resizePanel(int id, int w, int h) {
        edit(e -> e.resize(id, w, h));
    }

    public void duplicatePanel(int id) {
        edit(e -> e.duplicate(id));
    }

    public void removePanel(int id) {
        edit(e -> e.remove(id));
    }

    /** Changes a panel's title, first query, legend format and unit. */
    public void updatePanel(int id, String title, String expr, String legend, String unit) {
        Panel p = current.get().allPanels().stream().filter(x -> x.id() == id).findFirst().orElse(null);
        if (p == null) {
            return;
        }
        Query q = p.queries().isEmpty() ? null : p.queries().getFirst();
        updatePanel(id, p.type(), q == null ? "" : q.dataSource(), q == null ? QueryLanguage.PROMQL : q.language(),
                title, expr, legend, unit);
    }

    /**
     * Changes a panel's type, title, first query (its data source, language and expression), legend
     * format and unit. A logs panel's query is LogQL; a query moved off a logs panel becomes PromQL.
     */
    public void updatePanel(int id, PanelType type, String dataSource, QueryLanguage language,
                            String title, String expr, String legend, String unit) {
        QueryLanguage lang = type == PanelType.LOGS ? QueryLanguage.LOGQL : language;
        edit(e -> e.update(id, p -> {
            List<Query> queries = new ArrayList<>(p.queries());
            Query first = queries.isEmpty() ? Query.promql("A", expr, legend) : queries.getFirst();
            Query changed = new Query(first.refId(), dataSource, lang, expr, legend, type != PanelType.LOGS && first.instant(),
                    first.hidden(), first.minInterval());
            if (queries.isEmpty()) {
                queries.add(changed);
            } else {
                queries.set(0, changed);
            }
            FieldConfig f = p.fieldConfig();
            return p.withType(type).withTitle(title).withQueries(queries)
                    .withFieldConfig(new FieldConfig(unit, f.min(), f.max(), f.decimals(), f.thresholds()));
        }));
    }

    /** Whether a rise of the stat is good, bad or neither: how dashboards and reports colour its change. */
    public void setKpiDirection(int id, KpiDirection direction) {
        edit(e -> e.update(id, p -> p.withOptions(p.options().withStat(p.options().stat().withDirection(direction)))));
    }

    /** Turns a time series panel's usual band on or off: kept in the panel's options and saved like any edit. */
    public void setSeasonalBand(int id, boolean on) {
        edit(e -> e.update(id, p -> p.withOptions(p.options().withGraph(p.options().graph().withSeasonalBand(on)))));
    }

    /** Adds a time series panel at the bottom; returns its id. */
    public int addPanel(String title, String expr) {
        edit(e -> e.add(Panel.of(0, PanelType.TIME_SERIES, title, new GridPos(0, 0, 12, 8),
                List.of(Query.promql("A", expr, "")), FieldConfig.DEFAULT)));
        return current.get().panels().getLast().id();
    }

    public void undo() {
        if (canUndo()) {
            changed(editor.undo());
        }
    }

    public void redo() {
        if (canRedo()) {
            changed(editor.redo());
        }
    }

    private void edit(Function<DashboardEditor, Dashboard> change) {
        if (saver == null) {
            return;
        }
        if (editor == null) {
            Dashboard start = current.get();
            if (BuiltInDashboards.find(start.uid()).isPresent()) {
                // built-ins stay as shipped: the first change makes an editable copy
                start = new Dashboard(start.uid() + "-copy", start.title() + " (copy)", start.tags(), start.timeFrom(),
                        start.timeTo(), start.refresh(), start.variables(), start.panels(), start.annotations());
            }
            editor = new DashboardEditor(start);
        }
        changed(change.apply(editor));
    }

    private void changed(Dashboard next) {
        show.accept(next);
        Consumer<Dashboard> save = saver;
        tasks.submit(BackgroundTask.of("Saving " + next.title(), p -> {
            save.accept(next);
            return next;
        }).quiet().onFailure(e -> status.set("Could not save: " + e.getMessage())));
    }
}
