package io.vigia.dashboards.grafana;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Schema v2 variables ({@code QueryVariable}, {@code DatasourceVariable}, ...) and annotation
 * queries in the classic shape and back. Field names from {@code @grafana/schema} 13.2.3
 * ({@code QueryVariableSpec}, {@code DatasourceVariableSpec}, {@code AnnotationQuerySpec}, ...).
 * Kinds Vigia does not support (group by, ad hoc filters, switch) keep a classic type name so
 * that the reader names them in its warning.
 */
final class V2TemplatingShape {
    private static final Map<String, String> CLASSIC_TYPES = Map.of(
            "QueryVariable", "query", "CustomVariable", "custom", "DatasourceVariable", "datasource",
            "IntervalVariable", "interval", "TextVariable", "textbox", "ConstantVariable", "constant",
            "GroupByVariable", "groupby", "AdhocVariable", "adhoc", "SwitchVariable", "switch");
    private static final Map<String, String> V2_KINDS = Map.of(
            "query", "QueryVariable", "custom", "CustomVariable", "datasource", "DatasourceVariable",
            "interval", "IntervalVariable", "textbox", "TextVariable", "constant", "ConstantVariable");

    private V2TemplatingShape() {
    }

    static ObjectNode classicVariable(JsonNode v) {
        String kind = v.path("kind").asString("");
        JsonNode spec = v.path("spec");
        ObjectNode c = spec.isObject() ? (ObjectNode) spec.deepCopy() : GrafanaJson.object();
        c.put("type", CLASSIC_TYPES.getOrDefault(kind, kind));
        switch (kind) {
            case "QueryVariable" -> {
                JsonNode query = spec.path("query");
                JsonNode qs = query.path("spec");
                String text = qs.path("query").isString() ? qs.path("query").asString()
                        : qs.path("expr").isString() ? qs.path("expr").asString()
                        : qs.path("__legacyStringValue").asString(spec.path("definition").asString(""));
                c.put("query", text);
                ObjectNode ds = V2PanelShape.dataSource(query, spec.path("datasource"));
                c.remove("datasource");
                if (ds != null) {
                    c.set("datasource", ds);
                }
            }
            case "DatasourceVariable" -> c.put("query", spec.path("pluginId").asString(""));
            default -> {
                // custom, interval, text and constant variables have the classic fields already
            }
        }
        return c;
    }

    /** A classic variable (as the v1 writer makes it) as a v2 variable kind. */
    static ObjectNode variable(JsonNode c) {
        String type = c.path("type").asString("");
        ObjectNode spec = (ObjectNode) c.deepCopy();
        spec.remove("type");
        spec.put("hide", "dontHide");
        spec.put("skipUrlSync", false);
        if (!spec.has("current")) {
            spec.putObject("current").put("text", "").put("value", "");
        }
        switch (type) {
            case "query" -> {
                ObjectNode qs = GrafanaJson.object().put("query", c.path("query").asString(""))
                        .put("refId", "PrometheusVariableQueryEditor-VariableQuery");
                spec.set("query", V2PanelShape.dataQuery(c.path("datasource"), qs, "prometheus"));
                spec.remove("datasource");
                spec.put("refresh", "onDashboardLoad");
                spec.put("sort", "disabled");
                spec.putArray("options");
                spec.put("allowCustomValue", true);
            }
            case "datasource" -> {
                spec.put("pluginId", c.path("query").asString(""));
                spec.remove("query");
                spec.put("refresh", "onDashboardLoad");
                spec.putArray("options");
                spec.put("multi", false);
                spec.put("includeAll", false);
                spec.put("allowCustomValue", true);
            }
            case "interval" -> {
                spec.putArray("options");
                spec.put("auto_min", "10s");
                spec.put("auto_count", 30);
                spec.put("refresh", "onTimeRangeChanged");
            }
            case "custom" -> spec.put("allowCustomValue", true);
            default -> {
                // text and constant variables need no more
            }
        }
        ObjectNode v = GrafanaJson.object();
        v.put("kind", V2_KINDS.getOrDefault(type, "TextVariable"));
        v.set("spec", spec);
        return v;
    }

    static ObjectNode classicAnnotation(JsonNode a) {
        JsonNode spec = a.path("spec");
        ObjectNode c = GrafanaJson.object();
        JsonNode query = spec.path("query");
        for (Map.Entry<String, JsonNode> e : query.path("spec").properties()) {
            c.set(e.getKey(), e.getValue().deepCopy());
        }
        for (Map.Entry<String, JsonNode> e : spec.path("legacyOptions").properties()) {
            c.set(e.getKey(), e.getValue().deepCopy());
        }
        c.put("name", spec.path("name").asString("Annotations"));
        c.put("enable", spec.path("enable").asBoolean(true));
        c.put("iconColor", spec.path("iconColor").asString(""));
        c.put("builtIn", spec.path("builtIn").asBoolean(false) ? 1 : 0);
        ObjectNode ds = V2PanelShape.dataSource(query, spec.path("datasource"));
        if (ds != null) {
            c.set("datasource", ds);
        }
        return c;
    }

    /** A classic annotation (as the v1 writer makes it) as a v2 {@code AnnotationQuery}; Vigia's own fields go to legacyOptions. */
    static ObjectNode annotation(JsonNode c) {
        ObjectNode spec = GrafanaJson.object();
        ObjectNode qs = GrafanaJson.object();
        ObjectNode legacy = GrafanaJson.object();
        for (Map.Entry<String, JsonNode> e : c.properties()) {
            switch (e.getKey()) {
                case "name", "enable", "iconColor", "builtIn", "datasource", "type" -> {
                    // the annotation's own fields, written below
                }
                case "expr", "titleFormat", "textFormat" -> qs.set(e.getKey(), e.getValue().deepCopy());
                default -> legacy.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        boolean builtIn = c.path("builtIn").asInt(0) == 1;
        spec.set("query", V2PanelShape.dataQuery(c.path("datasource"), qs, builtIn ? "grafana" : "prometheus"));
        spec.put("enable", c.path("enable").asBoolean(true));
        spec.put("hide", false);
        spec.put("iconColor", c.path("iconColor").asString(""));
        spec.put("name", c.path("name").asString(""));
        spec.put("builtIn", builtIn);
        if (!legacy.isEmpty()) {
            spec.set("legacyOptions", legacy);
        }
        ObjectNode a = GrafanaJson.object();
        a.put("kind", "AnnotationQuery");
        a.set("spec", spec);
        return a;
    }
}
