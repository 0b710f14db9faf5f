package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Section;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sections in the classic JSON: each becomes a row panel followed by its panels (a collapsed
 * row holds them), one after the other under the free panels, as Grafana's v2-to-v1 conversion
 * writes tabs (expanded rows). Vigia's format marks each row with its kind and nesting level and
 * keeps the notes, so that {@link V1Reader} rebuilds the same sections.
 */
final class V1Sections {
    private int y;
    private int nextId;
    private final ArrayNode out;
    private final boolean vigia;

    private V1Sections(int y, int nextId, ArrayNode out, boolean vigia) {
        this.y = y;
        this.nextId = nextId;
        this.out = out;
        this.vigia = vigia;
    }

    static void write(Dashboard d, ArrayNode out, boolean vigia) {
        int bottom = 0;
        for (Panel p : d.panels()) {
            bottom = Math.max(bottom, p.grid().bottom());
            for (Panel c : p.children()) {
                bottom = Math.max(bottom, c.grid().bottom());
            }
        }
        V1Sections w = new V1Sections(bottom, d.nextPanelId(), out, vigia);
        d.sections().forEach(s -> w.section(s, 0));
    }

    private void section(Section s, int level) {
        ObjectNode row = out.addObject();
        row.put("id", nextId++);
        row.put("type", "row");
        row.put("title", s.title());
        row.set("gridPos", GrafanaExporter.grid(new GridPos(0, y, GridPos.COLUMNS, 1)));
        row.put("collapsed", s.collapsed());
        ArrayNode children = row.putArray("panels");
        if (vigia) {
            row.putObject(V1Reader.VIGIA_SECTION).put("kind", s.kind() == Section.Kind.TAB ? "tab" : "row").put("level", level);
            if (!s.notes().isEmpty()) {
                row.set(V1Reader.VIGIA_NOTES, GrafanaExporter.notes(s.notes()));
            }
        }
        int top = y + 1;
        for (Panel p : s.panels()) {
            GridPos g = p.grid();
            ObjectNode n = GrafanaExporter.panel(p.withGrid(new GridPos(g.x(), top + g.y(), g.w(), g.h())), vigia);
            (s.collapsed() ? children : out).add(n);
        }
        y = s.collapsed() ? top : top + s.gridHeight();
        s.sections().forEach(c -> section(c, level + 1));
    }
}
