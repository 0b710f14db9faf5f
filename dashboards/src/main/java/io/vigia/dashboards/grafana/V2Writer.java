package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Note;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Section;
import io.vigia.dashboards.model.Variable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A dashboard as the {@code dashboard.grafana.app/v2} resource Grafana 13 writes: each panel an
 * element ({@code panel-<id>}), the grid a {@code GridLayout} (an {@code AutoGridLayout} again when
 * it was one), rows a {@code RowsLayout} and tabs a {@code TabsLayout}; free panels above the rows go
 * in a first row with a hidden header, as Grafana's v1-to-v2 conversion writes them. The notes'
 * JSON goes back where it came from: show/hide rules, repeats, section variables, transformations.
 */
final class V2Writer {
    private static final List<String> AUTO_REFRESH = List.of("5s", "10s", "30s", "1m", "5m", "15m", "30m", "1h", "2h", "1d");

    private V2Writer() {
    }

    static ObjectNode resource(Dashboard d) {
        return GrafanaResource.wrap(spec(d), d.uid());
    }

    static ObjectNode spec(Dashboard d) {
        ObjectNode spec = GrafanaJson.object();
        ArrayNode annotations = spec.putArray("annotations");
        d.annotations().forEach(a -> annotations.add(V2TemplatingShape.annotation(GrafanaExporter.annotation(a))));
        spec.put("cursorSync", "Off");
        JsonNode description = V2PanelShape.restored(d.notes(), V2Reader.DESCRIPTION, null);
        if (description != null) {
            spec.set("description", description);
        }
        spec.put("editable", true);
        ObjectNode elements = spec.putObject("elements");
        for (Panel p : d.allPanels()) {
            elements.set(element(p), V2PanelShape.toElement(GrafanaExporter.panel(p, false), p.notes()));
        }
        spec.set("layout", layout(d.panels(), d.sections(), d.notes(), true));
        spec.set("links", V2PanelShape.restored(d.notes(), V2Reader.LINKS, GrafanaJson.JSON.createArrayNode()));
        spec.put("liveNow", false);
        spec.put("preload", false);
        ArrayNode tags = spec.putArray("tags");
        d.tags().forEach(tags::add);
        ObjectNode time = spec.putObject("timeSettings");
        time.put("timezone", "browser");
        time.put("from", d.timeFrom());
        time.put("to", d.timeTo());
        time.put("autoRefresh", d.refresh());
        ArrayNode intervals = time.putArray("autoRefreshIntervals");
        AUTO_REFRESH.forEach(intervals::add);
        time.put("hideTimepicker", false);
        time.put("fiscalYearStartMonth", 0);
        spec.put("title", d.title());
        Set<String> onSections = new HashSet<>();
        d.sections().forEach(s -> sectionVariables(s, onSections));
        ArrayNode variables = spec.putArray("variables");
        for (Variable v : d.variables()) {
            if (!onSections.contains(v.name())) {
                variables.add(V2TemplatingShape.variable(GrafanaExporter.variable(v)));
            }
        }
        return spec;
    }

    private static void sectionVariables(Section s, Set<String> names) {
        JsonNode vars = V2PanelShape.restored(s.notes(), V2LayoutReader.SECTION_PREFIX + "variables", GrafanaJson.JSON.createArrayNode());
        vars.forEach(v -> names.add(v.path("spec").path("name").asString("")));
        s.sections().forEach(c -> sectionVariables(c, names));
    }

    private static String element(Panel p) {
        return "panel-" + p.id();
    }

    private static ObjectNode layout(List<Panel> panels, List<Section> sections, List<Note> notes, boolean dashboardLevel) {
        if (sections.isEmpty()) {
            return grid(panels, notes);
        }
        boolean tabs = sections.getFirst().kind() == Section.Kind.TAB;
        if (panels.isEmpty()) {
            return tabs ? tabs(sections) : rows(sections, List.of());
        }
        // free panels and sections: a first row without a header holds the panels
        ObjectNode hidden = row(GrafanaJson.object().put("title", "").put("collapse", false).put("hideHeader", true),
                grid(panels, notes));
        if (!tabs) {
            return rows(sections, List.of(hidden));
        }
        ObjectNode around = row(GrafanaJson.object().put("title", "").put("collapse", false).put("hideHeader", true), tabs(sections));
        return rows(List.of(), List.of(hidden, around));
    }

    private static ObjectNode grid(List<Panel> panels, List<Note> notes) {
        List<Panel> ordered = new ArrayList<>(panels);
        ordered.sort(Comparator.comparingInt((Panel p) -> p.grid().y()).thenComparingInt(p -> p.grid().x()));
        ObjectNode layout = GrafanaJson.object();
        JsonNode auto = V2PanelShape.restored(notes, V2LayoutReader.AUTO_GRID, null);
        if (auto != null) {
            layout.put("kind", "AutoGridLayout");
            ObjectNode spec = (ObjectNode) auto.deepCopy();
            ArrayNode items = spec.putArray("items");
            for (Panel p : ordered) {
                ObjectNode s = items.addObject().put("kind", "AutoGridLayoutItem").putObject("spec");
                s.set("element", reference(p));
                itemNotes(p, s);
            }
            layout.set("spec", spec);
            return layout;
        }
        layout.put("kind", "GridLayout");
        ArrayNode items = layout.putObject("spec").putArray("items");
        for (Panel p : ordered) {
            ObjectNode s = items.addObject().put("kind", "GridLayoutItem").putObject("spec");
            s.put("x", p.grid().x()).put("y", p.grid().y()).put("width", p.grid().w()).put("height", p.grid().h());
            s.set("element", reference(p));
            itemNotes(p, s);
        }
        return layout;
    }

    private static ObjectNode reference(Panel p) {
        return GrafanaJson.object().put("kind", "ElementReference").put("name", element(p));
    }

    private static void itemNotes(Panel p, ObjectNode itemSpec) {
        JsonNode repeat = V2PanelShape.restored(p.notes(), V2LayoutReader.ITEM_REPEAT, null);
        if (repeat != null) {
            itemSpec.set("repeat", repeat);
        }
        JsonNode rule = V2PanelShape.restored(p.notes(), V2LayoutReader.ITEM_RULE, null);
        if (rule != null) {
            itemSpec.set("conditionalRendering", rule);
        }
    }

    private static ObjectNode rows(List<Section> sections, List<ObjectNode> before) {
        ObjectNode layout = GrafanaJson.object().put("kind", "RowsLayout");
        ArrayNode rows = layout.putObject("spec").putArray("rows");
        before.forEach(rows::add);
        for (Section s : sections) {
            ObjectNode spec = GrafanaJson.object().put("title", s.title()).put("collapse", s.collapsed());
            rows.add(row(sectionNotes(s, spec), layout(s.panels(), s.sections(), s.notes(), false)));
        }
        return layout;
    }

    private static ObjectNode row(ObjectNode spec, ObjectNode layout) {
        spec.set("layout", layout);
        ObjectNode row = GrafanaJson.object().put("kind", "RowsLayoutRow");
        row.set("spec", spec);
        return row;
    }

    private static ObjectNode tabs(List<Section> sections) {
        ObjectNode layout = GrafanaJson.object().put("kind", "TabsLayout");
        ArrayNode tabs = layout.putObject("spec").putArray("tabs");
        for (Section s : sections) {
            ObjectNode spec = sectionNotes(s, GrafanaJson.object().put("title", s.title()));
            spec.set("layout", layout(s.panels(), s.sections(), s.notes(), false));
            ObjectNode tab = tabs.addObject().put("kind", "TabsLayoutTab");
            tab.set("spec", spec);
        }
        return layout;
    }

    /** The section's fields Vigia kept as notes (show/hide rule, repeat, hidden header, variables), written back. */
    private static ObjectNode sectionNotes(Section s, ObjectNode spec) {
        for (Note n : s.notes()) {
            if (n.restorable() && n.field().startsWith(V2LayoutReader.SECTION_PREFIX)) {
                spec.set(n.field().substring(V2LayoutReader.SECTION_PREFIX.length()), GrafanaJson.parse(n.json()));
            }
        }
        return spec;
    }
}
