package io.vigia.dashboards.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A titled group of panels: a row, which can be collapsed, or a tab, of which one of its group is
 * shown at a time (consecutive tabs form a group). Its panels sit on a grid of their own, whose
 * {@code y} starts at 0 under the header; nested sections follow its panels (Grafana allows rows in
 * tabs and tabs in rows). {@code notes} keep what the source had that Vigia does not do.
 */
public record Section(String title, Kind kind, boolean collapsed, List<Panel> panels, List<Section> sections,
                      List<Note> notes) {
    public enum Kind { ROW, TAB }

    public Section {
        title = Objects.requireNonNullElse(title, "");
        Objects.requireNonNull(kind);
        panels = List.copyOf(panels);
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }

    public static Section row(String title, boolean collapsed, List<Panel> panels) {
        return new Section(title, Kind.ROW, collapsed, panels, List.of(), List.of());
    }

    public static Section tab(String title, List<Panel> panels) {
        return new Section(title, Kind.TAB, false, panels, List.of(), List.of());
    }

    public Section withPanels(List<Panel> p) {
        return new Section(title, kind, collapsed, p, sections, notes);
    }

    public Section withSections(List<Section> s) {
        return new Section(title, kind, collapsed, panels, s, notes);
    }

    public Section withNotes(List<Note> n) {
        return new Section(title, kind, collapsed, panels, sections, n);
    }

    /** This section's panels in grid order, then those of its nested sections. */
    public List<Panel> allPanels() {
        List<Panel> out = new ArrayList<>(panels);
        out.sort(Comparator.comparingInt((Panel p) -> p.grid().y()).thenComparingInt(p -> p.grid().x()));
        sections.forEach(s -> out.addAll(s.allPanels()));
        return out;
    }

    /** The rows its own grid takes: the bottom of its lowest panel. */
    public int gridHeight() {
        return panels.stream().mapToInt(p -> p.grid().bottom()).max().orElse(0);
    }
}
