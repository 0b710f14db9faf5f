package io.vigia.dashboards.model;

import java.util.List;
import java.util.Objects;

/**
 * A panel on the grid. {@code options} holds its typed display options (legend, stacking, a stat's
 * direction, ...). For {@link PanelType#UNSUPPORTED} panels {@code originalType} names what the
 * source had and {@code originalJson} keeps it verbatim so that an export gives it back unchanged.
 * {@code timeShift} shifts this panel's time range (Grafana syntax, e.g. {@code 1d}); {@code text}
 * is the content of text panels. A collapsed row keeps its panels in {@code children}. {@code notes} keep
 * what the source had for this panel that Vigia does not do.
 */
public record Panel(int id, PanelType type, String title, String description, GridPos grid, List<Query> queries,
                    FieldConfig fieldConfig, PanelOptions options, String timeShift, String text,
                    boolean collapsed, List<Panel> children, String originalType, String originalJson, List<Note> notes) {
    public Panel {
        Objects.requireNonNull(type);
        title = Objects.requireNonNullElse(title, "");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(grid);
        queries = List.copyOf(queries);
        fieldConfig = Objects.requireNonNullElse(fieldConfig, FieldConfig.DEFAULT);
        options = Objects.requireNonNullElse(options, PanelOptions.DEFAULTS);
        timeShift = Objects.requireNonNullElse(timeShift, "");
        text = Objects.requireNonNullElse(text, "");
        children = List.copyOf(children);
        originalType = Objects.requireNonNullElse(originalType, type.grafanaName());
        originalJson = Objects.requireNonNullElse(originalJson, "");
        notes = List.copyOf(notes);
    }

    /** A panel without notes. */
    public Panel(int id, PanelType type, String title, String description, GridPos grid, List<Query> queries,
                 FieldConfig fieldConfig, PanelOptions options, String timeShift, String text,
                 boolean collapsed, List<Panel> children, String originalType, String originalJson) {
        this(id, type, title, description, grid, queries, fieldConfig, options, timeShift, text, collapsed, children,
                originalType, originalJson, List.of());
    }

    public static Panel of(int id, PanelType type, String title, GridPos grid, List<Query> queries, FieldConfig fieldConfig) {
        return new Panel(id, type, title, "", grid, queries, fieldConfig, PanelOptions.DEFAULTS, "", "", false, List.of(), null, null);
    }

    public Panel withGrid(GridPos g) {
        return new Panel(id, type, title, description, g, queries, fieldConfig, options, timeShift, text, collapsed, children,
                originalType, originalJson, notes);
    }

    public Panel withId(int newId) {
        return new Panel(newId, type, title, description, grid, queries, fieldConfig, options, timeShift, text, collapsed,
                children, originalType, originalJson, notes);
    }

    public Panel withTitle(String t) {
        return new Panel(id, type, t, description, grid, queries, fieldConfig, options, timeShift, text, collapsed, children,
                originalType, originalJson, notes);
    }

    public Panel withQueries(List<Query> q) {
        return new Panel(id, type, title, description, grid, q, fieldConfig, options, timeShift, text, collapsed, children,
                originalType, originalJson, notes);
    }

    public Panel withFieldConfig(FieldConfig f) {
        return new Panel(id, type, title, description, grid, queries, f, options, timeShift, text, collapsed, children,
                originalType, originalJson, notes);
    }

    /** This panel as another type (the editor's choice); a placeholder's original JSON no longer applies. */
    public Panel withType(PanelType t) {
        if (t == type) {
            return this;
        }
        return new Panel(id, t, title, description, grid, queries, fieldConfig, options, timeShift, text, collapsed, children,
                null, null, notes);
    }

    public Panel withTimeShift(String shift) {
        return new Panel(id, type, title, description, grid, queries, fieldConfig, options, shift, text, collapsed, children,
                originalType, originalJson, notes);
    }

    public Panel withOptions(PanelOptions o) {
        return new Panel(id, type, title, description, grid, queries, fieldConfig, o, timeShift, text, collapsed, children,
                originalType, originalJson, notes);
    }

    public Panel withNotes(List<Note> n) {
        return new Panel(id, type, title, description, grid, queries, fieldConfig, options, timeShift, text, collapsed, children,
                originalType, originalJson, n);
    }
}
