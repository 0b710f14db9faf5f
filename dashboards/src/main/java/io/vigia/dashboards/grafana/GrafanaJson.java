package io.vigia.dashboards.grafana;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the Grafana readers and writers, and the small readings they share. */
final class GrafanaJson {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private GrafanaJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A number, or a string holding one; null otherwise. */
    static Double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isString()) {
            try {
                return Double.parseDouble(n.asString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The node as compact JSON text: what a {@link io.vigia.dashboards.model.Note} keeps. */
    static String compact(JsonNode n) {
        return JSON.writeValueAsString(n);
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** A string field, or "" when absent or not a string. */
    static String text(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        return n.isString() ? n.asString() : "";
    }
}
