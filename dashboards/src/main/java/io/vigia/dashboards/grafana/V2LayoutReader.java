package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Note;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Section;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema v2 {@code layout} as Vigia's grid and sections: {@code GridLayout} items keep their
 * place; {@code AutoGridLayout} is laid out as Grafana's own v2-to-v1 conversion lays it out (24
 * columns divided by {@code maxColumnCount}, default 3; 5, 9 or 14 rows high for short, standard
 * and tall, a custom height in 38-pixel rows); {@code RowsLayout} rows and {@code TabsLayout} tabs
 * become sections, nested as Grafana nests them. Show/hide rules, repeats, hidden headers and
 * section variables become notes on their section or panel, keeping their JSON.
 */
final class V2LayoutReader {
    static final String AUTO_GRID = "layout.AutoGridLayout";
    static final String ITEM_REPEAT = "item.repeat";
    static final String ITEM_RULE = "item.conditionalRendering";
    static final String SECTION_PREFIX = "section.";
    private static final List<String> SECTION_FIELDS = List.of("conditionalRendering", "repeat", "hideHeader", "fillScreen",
            "variables");

    /** What one layout holds: panels on its grid, or sections; and notes about the layout itself. */
    record Content(List<Panel> panels, List<Section> sections, List<Note> notes) {
    }

    private final Map<String, V2PanelShape.Classic> elements;
    private final PanelReader panels;
    private final List<String> warnings;
    private final Set<String> placed = new HashSet<>();

    V2LayoutReader(Map<String, V2PanelShape.Classic> elements, PanelReader panels, List<String> warnings) {
        this.elements = elements;
        this.panels = panels;
        this.warnings = warnings;
    }

    /** The elements no layout item placed. */
    List<String> unplaced() {
        return elements.keySet().stream().filter(n -> !placed.contains(n)).sorted().toList();
    }

    Content read(JsonNode layout, boolean dashboardLevel) {
        JsonNode spec = layout.path("spec");
        return switch (layout.path("kind").asString("")) {
            case "GridLayout" -> grid(spec);
            case "AutoGridLayout" -> autoGrid(spec);
            case "RowsLayout" -> rows(spec, dashboardLevel);
            case "TabsLayout" -> tabs(spec);
            default -> {
                warnings.add("layout of kind \"" + layout.path("kind").asString("") + "\" is not one Vigia knows: its panels are left out");
                yield new Content(List.of(), List.of(), List.of());
            }
        };
    }

    private Content grid(JsonNode spec) {
        List<Panel> out = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        for (JsonNode item : spec.path("items")) {
            JsonNode s = item.path("spec");
            if ("GridLayoutRow".equals(item.path("kind").asString(""))) {
                // an early v2 form (Grafana's layout docs): a row inside the grid
                List<Panel> rowPanels = new ArrayList<>();
                int top = s.path("y").asInt(0);
                for (JsonNode child : s.path("elements")) {
                    JsonNode cs = child.path("spec");
                    place(cs, new GridPos(cs.path("x").asInt(0), cs.path("y").asInt(top) - top, Math.max(1, cs.path("width").asInt(12)),
                            Math.max(1, cs.path("height").asInt(8)))).ifPresent(rowPanels::add);
                }
                sections.add(Section.row(s.path("title").asString(""), s.path("collapsed").asBoolean(false), rowPanels));
                continue;
            }
            place(s, new GridPos(s.path("x").asInt(0), s.path("y").asInt(0), Math.max(1, s.path("width").asInt(12)),
                    Math.max(1, s.path("height").asInt(8)))).ifPresent(out::add);
        }
        return new Content(out, sections, List.of());
    }

    private Content autoGrid(JsonNode spec) {
        int columns = spec.path("maxColumnCount").asInt(0) > 0 ? spec.path("maxColumnCount").asInt() : 3;
        int width = Math.max(1, GridPos.COLUMNS / columns);
        int height = switch (spec.path("rowHeightMode").asString("standard")) {
            case "short" -> 5;
            case "tall" -> 14;
            case "custom" -> spec.path("rowHeight").asDouble(0) > 0 ? (int) Math.ceil(spec.path("rowHeight").asDouble() / 38.0) : 9;
            default -> 9;
        };
        List<Panel> out = new ArrayList<>();
        int x = 0;
        int y = 0;
        for (JsonNode item : spec.path("items")) {
            place(item.path("spec"), new GridPos(x, y, width, height)).ifPresent(out::add);
            x += width;
            if (x + width > GridPos.COLUMNS) {
                x = 0;
                y += height;
            }
        }
        ObjectNode settings = (ObjectNode) spec.deepCopy();
        settings.remove("items");
        Note note = new Note("auto grid (" + columns + " columns, " + spec.path("rowHeightMode").asString("standard")
                + " rows) laid out as a fixed grid", AUTO_GRID, GrafanaJson.compact(settings));
        return new Content(out, List.of(), List.of(note));
    }

    private Content rows(JsonNode spec, boolean dashboardLevel) {
        List<Panel> top = new ArrayList<>();
        List<Section> out = new ArrayList<>();
        JsonNode rows = spec.path("rows");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode s = rows.get(i).path("spec");
            if (dashboardLevel && i == 0 && plainHiddenRow(s)) {
                // how Grafana writes the free panels above the first row of a classic dashboard
                Content c = read(s.path("layout"), false);
                if (c.sections().isEmpty() && c.notes().isEmpty()) {
                    top.addAll(c.panels());
                    continue;
                }
            }
            out.add(section(s, Section.Kind.ROW, s.path("collapse").asBoolean(false)));
        }
        return new Content(top, out, List.of());
    }

    private static boolean plainHiddenRow(JsonNode s) {
        return s.path("hideHeader").asBoolean(false) && !s.has("conditionalRendering") && !s.has("repeat")
                && !s.has("variables") && !s.path("collapse").asBoolean(false) && s.path("title").asString("").isEmpty();
    }

    private Content tabs(JsonNode spec) {
        List<Section> out = new ArrayList<>();
        for (JsonNode tab : spec.path("tabs")) {
            out.add(section(tab.path("spec"), Section.Kind.TAB, false));
        }
        return new Content(List.of(), out, List.of());
    }

    private Section section(JsonNode s, Section.Kind kind, boolean collapsed) {
        Content c = read(s.path("layout"), false);
        List<Note> notes = new ArrayList<>(c.notes());
        String what = kind == Section.Kind.ROW ? "row" : "tab";
        for (String field : SECTION_FIELDS) {
            JsonNode v = s.path(field);
            if (v.isMissingNode() || v.isNull() || (v.isBoolean() && !v.asBoolean()) || (v.isArray() && v.isEmpty())) {
                continue;
            }
            notes.add(new Note(sectionNote(field, v, what), SECTION_PREFIX + field, GrafanaJson.compact(v)));
        }
        return new Section(s.path("title").asString(""), kind, collapsed, c.panels(), c.sections(), notes);
    }

    private static String sectionNote(String field, JsonNode v, String what) {
        return switch (field) {
            case "conditionalRendering" -> ShowHideRule.describe(v, what);
            case "repeat" -> "Grafana repeats this " + what + " for each value of $" + v.path("value").asString("")
                    + "; Vigia shows it once";
            case "hideHeader" -> "Grafana hides this " + what + "'s header";
            case "fillScreen" -> "Grafana stretches this " + what + " to fill the screen";
            default -> "variables defined on this " + what + " (" + names(v) + ") are dashboard-wide in Vigia";
        };
    }

    private static String names(JsonNode variables) {
        List<String> out = new ArrayList<>();
        variables.forEach(v -> out.add("$" + v.path("spec").path("name").asString("")));
        return String.join(", ", out);
    }

    private java.util.Optional<Panel> place(JsonNode itemSpec, GridPos grid) {
        String name = itemSpec.path("element").path("name").asString("");
        V2PanelShape.Classic element = elements.get(name);
        if (element == null) {
            warnings.add("the layout places element \"" + name + "\", which the dashboard does not define: left out");
            return java.util.Optional.empty();
        }
        placed.add(name);
        List<Note> notes = new ArrayList<>(element.notes());
        if (itemSpec.has("repeat")) {
            notes.add(new Note("Grafana repeats this panel for each value of $" + itemSpec.path("repeat").path("value").asString("")
                    + "; Vigia shows it once", ITEM_REPEAT, GrafanaJson.compact(itemSpec.path("repeat"))));
        }
        if (itemSpec.has("conditionalRendering")) {
            notes.add(new Note(ShowHideRule.describe(itemSpec.path("conditionalRendering"), "panel"), ITEM_RULE,
                    GrafanaJson.compact(itemSpec.path("conditionalRendering"))));
        }
        return java.util.Optional.of(panels.read(element.panel(), grid, notes));
    }

    /** Variables defined on rows and tabs anywhere in the layout, which Vigia makes dashboard-wide. */
    static void sectionVariables(JsonNode layout, List<JsonNode> out) {
        JsonNode spec = layout.path("spec");
        JsonNode children = spec.has("rows") ? spec.path("rows") : spec.path("tabs");
        for (JsonNode child : children) {
            child.path("spec").path("variables").forEach(out::add);
            sectionVariables(child.path("spec").path("layout"), out);
        }
    }
}
