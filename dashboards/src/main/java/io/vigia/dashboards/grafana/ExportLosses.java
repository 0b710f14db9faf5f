package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Note;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an export format cannot carry of a dashboard, one sentence each, so that the CLI and the
 * app can say it: the classic model has no tabs, no nested rows and no place for Vigia's notes;
 * schema v2 cannot put tabs beside free panels without a row around them.
 */
final class ExportLosses {
    /** The classic panel fields a schema v2 element carries ({@link V2PanelShape}). */
    private static final Set<String> V2_ELEMENT_FIELDS = Set.of("id", "title", "type", "description", "options", "fieldConfig",
            "targets", "timeShift", "libraryPanel", "gridPos", "datasource");

    private ExportLosses() {
    }

    static List<String> of(Dashboard d, GrafanaExporter.Format format) {
        List<String> out = new ArrayList<>();
        switch (format) {
            case VIGIA -> {
                // Vigia's own format keeps everything
            }
            case GRAFANA -> {
                notes("the dashboard", d.notes(), out);
                d.panels().forEach(p -> panelNotes(p, out));
                d.sections().forEach(s -> classic(s, 0, out));
            }
            case GRAFANA_V2 -> {
                if (!d.panels().isEmpty() && !d.sections().isEmpty() && d.sections().getFirst().kind() == Section.Kind.TAB) {
                    out.add("the panels above the tabs and the tabs are each written in a row without a header");
                }
                mixed(d.sections(), out);
                d.allPanels().stream().filter(p -> p.type() == PanelType.UNSUPPORTED && !p.originalJson().isEmpty())
                        .forEach(p -> placeholder(p, out));
            }
        }
        return out;
    }

    private static void classic(Section s, int level, List<String> out) {
        String name = (s.kind() == Section.Kind.TAB ? "tab" : "row") + " \"" + s.title() + "\"";
        if (s.kind() == Section.Kind.TAB) {
            out.add(name + " is written as an expanded row: Grafana's classic model has no tabs");
        }
        if (level > 0) {
            out.add(name + " is nested in another section: the classic model writes it as a row of its own");
        }
        notes(name, s.notes(), out);
        s.panels().forEach(p -> panelNotes(p, out));
        s.sections().forEach(c -> classic(c, level + 1, out));
    }

    private static void panelNotes(Panel p, List<String> out) {
        notes("panel \"" + p.title() + "\"", p.notes(), out);
    }

    private static void notes(String where, List<Note> notes, List<String> out) {
        notes.forEach(n -> out.add(where + ": " + n.text() + " (not kept in Grafana's classic model)"));
    }

    /** A panel Vigia does not draw keeps in v2 what an element has: its type, options, field config and queries. */
    private static void placeholder(Panel p, List<String> out) {
        List<String> lost = new ArrayList<>();
        for (String key : GrafanaJson.parse(p.originalJson()).propertyNames()) {
            if (!V2_ELEMENT_FIELDS.contains(key)) {
                lost.add(key);
            }
        }
        if (!lost.isEmpty()) {
            out.add("panel \"" + p.title() + "\" (" + p.originalType() + "): " + String.join(", ", lost)
                    + " of the classic JSON have no place in a schema v2 element");
        }
    }

    private static void mixed(List<Section> sections, List<String> out) {
        if (sections.stream().map(Section::kind).distinct().count() > 1) {
            out.add("rows and tabs side by side are all written as " + (sections.getFirst().kind() == Section.Kind.TAB ? "tabs" : "rows"));
        }
        sections.forEach(s -> mixed(s.sections(), out));
    }
}
