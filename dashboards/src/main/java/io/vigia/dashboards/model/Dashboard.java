package io.vigia.dashboards.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A dashboard: panels on a grid, then sections (rows and tabs, each with a grid of its own),
 * variables, a default time range (Grafana syntax, e.g. {@code now-7d} to {@code now}),
 * auto-refresh interval, and annotation sources. {@code notes} keep what the source had at the
 * dashboard's level that Vigia does not do. Immutable; the editor produces new versions, which is
 * what makes undo and redo a list of snapshots.
 */
public record Dashboard(String uid, String title, List<String> tags, String timeFrom, String timeTo, String refresh,
                        List<Variable> variables, List<Panel> panels, List<AnnotationSource> annotations,
                        List<Section> sections, List<Note> notes) {
    public Dashboard {
        Objects.requireNonNull(uid);
        title = Objects.requireNonNullElse(title, "");
        tags = List.copyOf(tags);
        timeFrom = Objects.requireNonNullElse(timeFrom, "now-6h");
        timeTo = Objects.requireNonNullElse(timeTo, "now");
        refresh = Objects.requireNonNullElse(refresh, "");
        variables = List.copyOf(variables);
        panels = List.copyOf(panels);
        annotations = List.copyOf(annotations);
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }

    /** A dashboard of one grid, without sections. */
    public Dashboard(String uid, String title, List<String> tags, String timeFrom, String timeTo, String refresh,
                     List<Variable> variables, List<Panel> panels, List<AnnotationSource> annotations) {
        this(uid, title, tags, timeFrom, timeTo, refresh, variables, panels, annotations, List.of(), List.of());
    }

    public Dashboard withPanels(List<Panel> p) {
        return new Dashboard(uid, title, tags, timeFrom, timeTo, refresh, variables, p, annotations, sections, notes);
    }

    public Dashboard withTitle(String t) {
        return new Dashboard(uid, t, tags, timeFrom, timeTo, refresh, variables, panels, annotations, sections, notes);
    }

    public Dashboard withTime(String from, String to) {
        return new Dashboard(uid, title, tags, from, to, refresh, variables, panels, annotations, sections, notes);
    }

    public Dashboard withVariables(List<Variable> v) {
        return new Dashboard(uid, title, tags, timeFrom, timeTo, refresh, v, panels, annotations, sections, notes);
    }

    public Dashboard withSections(List<Section> s) {
        return new Dashboard(uid, title, tags, timeFrom, timeTo, refresh, variables, panels, annotations, s, notes);
    }

    /** The same dashboard under another uid and title (an editable copy of a built-in). */
    public Dashboard copiedAs(String newUid, String newTitle) {
        return new Dashboard(newUid, newTitle, tags, timeFrom, timeTo, refresh, variables, panels, annotations, sections, notes);
    }

    /** Every panel: the dashboard's own grid in grid order (with those inside collapsed rows), then each section's. */
    public List<Panel> allPanels() {
        List<Panel> out = new ArrayList<>();
        for (Panel p : panels) {
            out.add(p);
            out.addAll(p.children());
        }
        out.sort(Comparator.comparingInt((Panel p) -> p.grid().y()).thenComparingInt(p -> p.grid().x()));
        sections.forEach(s -> out.addAll(s.allPanels()));
        return out;
    }

    public int nextPanelId() {
        return allPanels().stream().mapToInt(Panel::id).max().orElse(0) + 1;
    }

    /** The grid (the dashboard's own or a section's) that holds the panel. */
    public Optional<List<Panel>> gridOf(int panelId) {
        if (panels.stream().anyMatch(p -> p.id() == panelId)) {
            return Optional.of(panels);
        }
        return sections.stream().map(s -> gridOf(s, panelId)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<List<Panel>> gridOf(Section s, int panelId) {
        if (s.panels().stream().anyMatch(p -> p.id() == panelId)) {
            return Optional.of(s.panels());
        }
        return s.sections().stream().map(c -> gridOf(c, panelId)).flatMap(Optional::stream).findFirst();
    }

    /** This dashboard with {@code change} applied to the grid that holds the panel; unchanged when no grid does. */
    public Dashboard mapGrid(int panelId, UnaryOperator<List<Panel>> change) {
        if (panels.stream().anyMatch(p -> p.id() == panelId)) {
            return withPanels(change.apply(panels));
        }
        return withSections(sections.stream().map(s -> mapGrid(s, panelId, change)).toList());
    }

    private static Section mapGrid(Section s, int panelId, UnaryOperator<List<Panel>> change) {
        if (s.panels().stream().anyMatch(p -> p.id() == panelId)) {
            return s.withPanels(change.apply(s.panels()));
        }
        return s.withSections(s.sections().stream().map(c -> mapGrid(c, panelId, change)).toList());
    }
}
