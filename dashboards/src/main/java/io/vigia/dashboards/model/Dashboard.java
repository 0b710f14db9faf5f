package io.vigia.dashboards.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A dashboard: panels on a grid, variables, a default time range (Grafana syntax, e.g.
 * {@code now-7d} to {@code now}), auto-refresh interval, and annotation sources. Immutable; the
 * editor produces new versions, which is what makes undo and redo a list of snapshots.
 */
public record Dashboard(String uid, String title, List<String> tags, String timeFrom, String timeTo, String refresh,
                        List<Variable> variables, List<Panel> panels, List<AnnotationSource> annotations) {
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
    }

    public Dashboard withPanels(List<Panel> p) {
        return new Dashboard(uid, title, tags, timeFrom, timeTo, refresh, variables, p, annotations);
    }

    public Dashboard withTitle(String t) {
        return new Dashboard(uid, t, tags, timeFrom, timeTo, refresh, variables, panels, annotations);
    }

    public Dashboard withTime(String from, String to) {
        return new Dashboard(uid, title, tags, from, to, refresh, variables, panels, annotations);
    }

    public Dashboard withVariables(List<Variable> v) {
        return new Dashboard(uid, title, tags, timeFrom, timeTo, refresh, v, panels, annotations);
    }

    /** Every panel, with those inside collapsed rows, in grid order. */
    public List<Panel> allPanels() {
        List<Panel> out = new ArrayList<>();
        for (Panel p : panels) {
            out.add(p);
            out.addAll(p.children());
        }
        out.sort(Comparator.comparingInt((Panel p) -> p.grid().y()).thenComparingInt(p -> p.grid().x()));
        return out;
    }

    public int nextPanelId() {
        return allPanels().stream().mapToInt(Panel::id).max().orElse(0) + 1;
    }
}
