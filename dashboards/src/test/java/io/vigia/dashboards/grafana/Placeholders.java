package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Section;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** Dashboards compared as schema v2 carries them: a placeholder's original JSON by what an element keeps. */
final class Placeholders {
    private Placeholders() {
    }

    static Dashboard comparable(Dashboard d) {
        return d.withPanels(panels(d.panels())).withSections(d.sections().stream().map(Placeholders::section).toList());
    }

    private static Section section(Section s) {
        return s.withPanels(panels(s.panels())).withSections(s.sections().stream().map(Placeholders::section).toList());
    }

    private static List<Panel> panels(List<Panel> panels) {
        return panels.stream().map(Placeholders::panel).toList();
    }

    private static Panel panel(Panel p) {
        if (p.type() != PanelType.UNSUPPORTED || p.originalJson().isEmpty()) {
            return p;
        }
        JsonNode original = GrafanaJson.parse(p.originalJson());
        ObjectNode kept = GrafanaJson.object();
        for (String field : List.of("type", "options", "fieldConfig")) {
            kept.set(field, original.path(field));
        }
        kept.put("exprs", original.path("targets").findValuesAsString("expr").toString());
        return new Panel(p.id(), p.type(), p.title(), p.description(), p.grid(), p.queries(), p.fieldConfig(), p.options(),
                p.timeShift(), p.text(), p.collapsed(), p.children(), p.originalType(), GrafanaJson.compact(kept), p.notes());
    }
}
