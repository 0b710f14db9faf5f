package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Note;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Section;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The classic dashboard JSON (schema versions up to 41, the legacy {@code rows[]} layout included)
 * and Vigia's own format, which is that schema plus a few {@code vigia*} fields. Rows become
 * {@link Section}s: a row owns the panels after it up to the next row (as Grafana assigns them,
 * in grid order), or, collapsed, the panels it holds; their positions become relative to the row.
 */
final class V1Reader {
    private static final int LEGACY_ROW_HEIGHT_PX = 250;
    static final String VIGIA_SECTION = "vigiaSection";
    static final String VIGIA_NOTES = "vigiaNotes";

    private final DataSourceRefs sources;
    private final List<String> warnings;
    private final boolean vigiaFile;
    private final PanelReader panels;

    V1Reader(DataSourceRefs sources, List<String> warnings, boolean vigiaFile) {
        this.sources = sources;
        this.warnings = warnings;
        this.vigiaFile = vigiaFile;
        this.panels = new PanelReader(sources, warnings);
    }

    Dashboard read(JsonNode d) {
        for (JsonNode in : d.path("__inputs")) {
            sources.input(in.path("name").asString(""), in.path("pluginId").asString(""));
        }
        TemplatingReader templating = new TemplatingReader(sources, warnings, vigiaFile);
        templating.registerDataSourceVariables(d.path("templating").path("list"));
        var variables = templating.variables(d.path("templating").path("list"));
        List<Panel> top = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        if (d.has("rows") && d.path("rows").size() > 0 && d.path("panels").isEmpty()) {
            sections.addAll(legacyRows(d.path("rows")));
        } else {
            layout(d.path("panels"), top, sections);
        }
        String uid = d.path("uid").asString("");
        if (uid.isBlank()) {
            uid = UUID.randomUUID().toString();
        }
        List<String> tags = new ArrayList<>();
        d.path("tags").forEach(t -> tags.add(t.asString("")));
        String refresh = d.path("refresh").isString() ? d.path("refresh").asString() : "";
        return new Dashboard(uid, d.path("title").asString("Untitled"), tags,
                d.path("time").path("from").asString("now-6h"), d.path("time").path("to").asString("now"),
                refresh, variables, top, templating.annotations(d.path("annotations").path("list")), sections, notes(d));
    }

    /** Free panels go to {@code top}; each row, with the panels it owns, to {@code sections}. */
    private void layout(JsonNode array, List<Panel> top, List<Section> sections) {
        List<Placed> placed = new ArrayList<>();
        int autoY = 0;
        for (JsonNode p : array) {
            GridPos grid = gridPos(p.path("gridPos"), autoY);
            autoY = Math.max(autoY, grid.bottom());
            placed.add(new Placed(p, grid));
        }
        boolean anyRow = placed.stream().anyMatch(Placed::isRow);
        if (!anyRow) {
            placed.forEach(p -> top.add(panels.read(p.node, p.grid, notes(p.node))));
            return;
        }
        // Grafana assigns panels to rows in grid order
        placed.sort(Comparator.comparingInt((Placed p) -> p.grid.y()).thenComparingInt(p -> p.grid.x()));
        List<Sectioned> flat = new ArrayList<>();
        Sectioned current = null;
        for (Placed p : placed) {
            if (p.isRow()) {
                current = new Sectioned(p.node, new ArrayList<>());
                flat.add(current);
                if (p.node.path("collapsed").asBoolean(false)) {
                    for (JsonNode child : p.node.path("panels")) {
                        current.panels.add(new Placed(child, gridPos(child.path("gridPos"), 0)));
                    }
                }
            } else if (current == null) {
                top.add(panels.read(p.node, p.grid, notes(p.node)));
            } else {
                current.panels.add(p);
            }
        }
        sections.addAll(nest(flat));
    }

    /** Rows in Vigia's files say their level: a row one level deeper than the one before it nests in it. */
    private List<Section> nest(List<Sectioned> flat) {
        List<Section> built = new ArrayList<>();
        for (Sectioned s : flat) {
            built.add(section(s));
        }
        return attach(flat, built, 0, flat.size(), 0);
    }

    /** The sections of {@code level} in {@code [from, to)}, each with the deeper ones that follow it as children. */
    private List<Section> attach(List<Sectioned> flat, List<Section> built, int from, int to, int level) {
        List<Section> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            int end = i + 1;
            while (end < to && level(flat.get(end)) > level) {
                end++;
            }
            Section s = built.get(i);
            if (end > i + 1) {
                s = s.withSections(attach(flat, built, i + 1, end, level + 1));
            }
            out.add(s);
            i = end;
        }
        return out;
    }

    private int level(Sectioned s) {
        return vigiaFile ? s.row.path(VIGIA_SECTION).path("level").asInt(0) : 0;
    }

    private Section section(Sectioned s) {
        int minY = s.panels.stream().mapToInt(p -> p.grid.y()).min().orElse(0);
        List<Panel> rowPanels = new ArrayList<>();
        for (Placed p : s.panels) {
            GridPos g = p.grid;
            rowPanels.add(panels.read(p.node, new GridPos(g.x(), g.y() - minY, g.w(), g.h()), notes(p.node)));
        }
        JsonNode meta = s.row.path(VIGIA_SECTION);
        Section.Kind kind = vigiaFile && "tab".equals(meta.path("kind").asString("")) ? Section.Kind.TAB : Section.Kind.ROW;
        return new Section(s.row.path("title").asString(""), kind, s.row.path("collapsed").asBoolean(false), rowPanels,
                List.of(), notes(s.row));
    }

    /** Schema 14 and older: rows with a height, panels with a span on a 12-column grid. */
    private List<Section> legacyRows(JsonNode rows) {
        List<Section> out = new ArrayList<>();
        for (JsonNode row : rows) {
            int h = Math.max(1, Math.round(pixels(row.path("height"), LEGACY_ROW_HEIGHT_PX) / 30f));
            String title = row.path("title").asString("");
            List<Panel> rowPanels = new ArrayList<>();
            int x = 0;
            int y = 0;
            int lineHeight = 0;
            for (JsonNode p : row.path("panels")) {
                int w = Math.clamp(Math.round(p.path("span").asDouble(12) * 2), 1, GridPos.COLUMNS);
                if (x + w > GridPos.COLUMNS) {
                    x = 0;
                    y += lineHeight;
                }
                int ph = p.has("height") ? Math.max(1, Math.round(pixels(p.path("height"), LEGACY_ROW_HEIGHT_PX) / 30f)) : h;
                rowPanels.add(panels.read(p, new GridPos(x, y, w, ph), List.of()));
                x += w;
                lineHeight = Math.max(lineHeight, ph);
            }
            out.add(Section.row(title.isBlank() ? "Row" : title, row.path("collapse").asBoolean(false), rowPanels));
        }
        return out;
    }

    private static GridPos gridPos(JsonNode g, int autoY) {
        if (g.isMissingNode() || !g.has("w")) {
            return new GridPos(0, autoY, 12, 8);
        }
        return new GridPos(g.path("x").asInt(0), g.path("y").asInt(autoY), Math.max(1, g.path("w").asInt(12)),
                Math.max(1, g.path("h").asInt(8)));
    }

    private static int pixels(JsonNode height, int fallback) {
        if (height.isNumber()) {
            return height.asInt();
        }
        String s = height.asString("").replace("px", "").strip();
        try {
            return s.isEmpty() ? fallback : (int) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Notes kept in Vigia's own files; Grafana's classic JSON has none. */
    private List<Note> notes(JsonNode node) {
        if (!vigiaFile) {
            return List.of();
        }
        List<Note> out = new ArrayList<>();
        for (JsonNode n : node.path(VIGIA_NOTES)) {
            out.add(new Note(n.path("text").asString(""), n.path("field").asString(""), n.path("json").asString("")));
        }
        return out;
    }

    private record Placed(JsonNode node, GridPos grid) {
        boolean isRow() {
            return "row".equals(node.path("type").asString(""));
        }
    }

    private record Sectioned(JsonNode row, List<Placed> panels) {
    }
}
