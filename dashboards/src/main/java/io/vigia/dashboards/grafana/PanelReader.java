package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Note;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One panel in the classic JSON shape (schema v2 elements are read through the same shape) and
 * its queries. An unknown panel type becomes a placeholder keeping its original JSON.
 */
final class PanelReader {
    private final DataSourceRefs sources;
    private final List<String> warnings;

    PanelReader(DataSourceRefs sources, List<String> warnings) {
        this.sources = sources;
        this.warnings = warnings;
    }

    Panel read(JsonNode p, GridPos grid, List<Note> notes) {
        String grafanaType = p.path("type").asString("");
        PanelType type = PanelType.fromGrafana(grafanaType);
        int id = p.path("id").asInt(0);
        String title = p.path("title").asString("");
        if (type == PanelType.UNSUPPORTED) {
            warnings.add("panel \"" + title + "\" has type \"" + grafanaType + "\", which Vigia does not draw: kept as a placeholder");
            return new Panel(id, type, title, p.path("description").asString(""), grid, queries(p, title),
                    FieldConfig.DEFAULT, PanelOptions.DEFAULTS, p.path("timeShift").asString(""), "", false, List.of(),
                    grafanaType, GrafanaJson.compact(withoutPlace(p)), notes);
        }
        String text = type == PanelType.TEXT
                ? p.path("options").path("content").asString(p.path("content").asString(""))
                : "";
        return new Panel(id, type, title, p.path("description").asString(""), grid, queries(p, title),
                FieldConfigReader.read(p, grafanaType), GrafanaPanelOptions.read(p, grafanaType), p.path("timeShift").asString(""),
                text, false, List.of(), null, null, notes);
    }

    /** The panel's JSON without its place and notes, which the model keeps and an export writes anew. */
    private static JsonNode withoutPlace(JsonNode p) {
        ObjectNode copy = (ObjectNode) p.deepCopy();
        copy.remove("gridPos");
        copy.remove(V1Reader.VIGIA_NOTES);
        return copy;
    }

    private List<Query> queries(JsonNode p, String panelTitle) {
        List<Query> out = new ArrayList<>();
        boolean logsPanel = "logs".equals(p.path("type").asString(""));
        for (JsonNode t : p.path("targets")) {
            String refId = t.path("refId").asString("");
            if (refId.isEmpty()) {
                refId = String.valueOf((char) ('A' + out.size()));
            }
            JsonNode dsNode = t.has("datasource") && !t.path("datasource").isNull() ? t.path("datasource") : p.path("datasource");
            String ds = sources.name(dsNode);
            String kind = sources.kind(dsNode, ds);
            String expr = t.path("expr").asString("");
            if (expr.isEmpty() && t.path("query").isString()) {
                expr = t.path("query").asString("");
            }
            if (expr.isEmpty()) {
                warnings.add("panel \"" + panelTitle + "\": query " + refId + " has no PromQL or LogQL expression; left out");
                continue;
            }
            if (!kind.isEmpty() && !kind.equals("prometheus") && !kind.equals("loki")) {
                warnings.add("panel \"" + panelTitle + "\": query " + refId + " is for a " + kind
                        + " data source, which Vigia does not read; kept as PromQL");
            }
            QueryLanguage lang = kind.equals("loki") || logsPanel ? QueryLanguage.LOGQL : QueryLanguage.PROMQL;
            boolean instant = t.path("instant").asBoolean(false) && !t.path("range").asBoolean(false);
            out.add(new Query(refId, ds, lang, expr, t.path("legendFormat").asString(""), instant,
                    t.path("hide").asBoolean(false), t.path("interval").asString("")));
        }
        return out;
    }
}
