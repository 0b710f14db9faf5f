package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.Note;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A schema v2 element ({@code PanelKind}, {@code LibraryPanelKind}) and the classic panel JSON,
 * each made from the other, as Grafana's own v2/v1 conversion maps them: the visualization's type
 * is {@code vizConfig.group} (v2beta1, v2) or {@code vizConfig.kind} (v2alpha1), a query's data
 * source type is {@code query.group} (or {@code query.kind}) and its uid {@code query.datasource.name}
 * (or {@code spec.datasource.uid}). Types from {@code @grafana/schema} 13.2.3,
 * {@code dist/types/schema/dashboard/v2/types.spec.gen.d.ts}. What the classic shape has no place
 * for (transformations, links, other query options) becomes a {@link Note} keeping its JSON.
 */
final class V2PanelShape {
    static final String TRANSFORMATIONS = "data.transformations";
    static final String QUERY_OPTIONS = "data.queryOptions";
    static final String LINKS = "panel.links";
    static final String LIBRARY_PANEL = "library-panel";
    /** Grafana's key for a query that was a plain string in the classic JSON. */
    private static final String LEGACY_STRING = "__legacyStringValue";

    private V2PanelShape() {
    }

    /** A panel in the classic shape with the notes of what it leaves out. */
    record Classic(ObjectNode panel, List<Note> notes) {
    }

    static Classic toClassic(JsonNode element) {
        JsonNode spec = element.path("spec");
        ObjectNode p = GrafanaJson.object();
        p.put("id", spec.path("id").asInt(0));
        p.put("title", spec.path("title").asString(""));
        List<Note> notes = new ArrayList<>();
        if ("LibraryPanel".equals(element.path("kind").asString(""))) {
            p.put("type", LIBRARY_PANEL);
            p.set("libraryPanel", spec.path("libraryPanel").deepCopy());
            notes.add(Note.of("library panel \"" + spec.path("libraryPanel").path("name").asString("")
                    + "\" is kept in the Grafana instance, not in this file: Vigia shows a placeholder"));
            return new Classic(p, notes);
        }
        if (!spec.path("description").asString("").isEmpty()) {
            p.put("description", spec.path("description").asString(""));
        }
        JsonNode viz = element.path("spec").path("vizConfig");
        String type = "VizConfig".equals(viz.path("kind").asString("")) ? viz.path("group").asString("") : viz.path("kind").asString("");
        p.put("type", type);
        p.set("options", viz.path("spec").path("options").isObject() ? viz.path("spec").path("options").deepCopy() : GrafanaJson.object());
        p.set("fieldConfig", viz.path("spec").path("fieldConfig").isObject() ? viz.path("spec").path("fieldConfig").deepCopy()
                : GrafanaJson.object());
        JsonNode data = spec.path("data").path("spec");
        ObjectNode queryOptions = data.path("queryOptions").isObject() ? (ObjectNode) data.path("queryOptions").deepCopy() : GrafanaJson.object();
        if (queryOptions.has("timeShift")) {
            p.put("timeShift", queryOptions.path("timeShift").asString(""));
            queryOptions.remove("timeShift");
        }
        String interval = queryOptions.path("interval").asString("");
        queryOptions.remove("interval");
        ArrayNode targets = p.putArray("targets");
        for (JsonNode q : data.path("queries")) {
            targets.add(target(q.path("spec"), interval));
        }
        if (!queryOptions.isEmpty()) {
            notes.add(new Note("query options Vigia does not apply: " + String.join(", ", queryOptions.propertyNames()),
                    QUERY_OPTIONS, GrafanaJson.compact(queryOptions)));
        }
        if (data.path("transformations").size() > 0) {
            notes.add(new Note(data.path("transformations").size() + " transformation(s) that Vigia does not apply",
                    TRANSFORMATIONS, GrafanaJson.compact(data.path("transformations"))));
        }
        if (spec.path("links").size() > 0) {
            notes.add(new Note(spec.path("links").size() + " panel link(s) that Vigia does not show", LINKS,
                    GrafanaJson.compact(spec.path("links"))));
        }
        return new Classic(p, notes);
    }

    private static ObjectNode target(JsonNode querySpec, String panelInterval) {
        JsonNode query = querySpec.path("query");
        ObjectNode t = GrafanaJson.object();
        for (Map.Entry<String, JsonNode> e : query.path("spec").properties()) {
            t.set(e.getKey().equals(LEGACY_STRING) ? "query" : e.getKey(), e.getValue().deepCopy());
        }
        t.put("refId", querySpec.path("refId").asString(""));
        if (querySpec.path("hidden").asBoolean(false)) {
            t.put("hide", true);
        }
        if (!panelInterval.isEmpty() && !t.has("interval")) {
            t.put("interval", panelInterval);
        }
        ObjectNode ds = dataSource(query, querySpec.path("datasource"));
        if (ds != null) {
            t.set("datasource", ds);
        }
        return t;
    }

    /** The classic {@code {type, uid}} of a v2 query (v2beta1/v2: group and datasource.name; v2alpha1: kind and spec.datasource). */
    static ObjectNode dataSource(JsonNode dataQuery, JsonNode alphaRef) {
        boolean beta = "DataQuery".equals(dataQuery.path("kind").asString(""));
        String type = beta ? dataQuery.path("group").asString("") : dataQuery.path("kind").asString("");
        String uid = beta ? dataQuery.path("datasource").path("name").asString("") : alphaRef.path("uid").asString("");
        if (!beta && type.isEmpty()) {
            type = alphaRef.path("type").asString("");
        }
        if (type.isEmpty() && uid.isEmpty()) {
            return null;
        }
        ObjectNode ds = GrafanaJson.object();
        if (!type.isEmpty()) {
            ds.put("type", type);
        }
        if (!uid.isEmpty()) {
            ds.put("uid", uid);
        }
        return ds;
    }

    /** The v2 {@code DataQuery} of a classic {@code datasource} ref and query fields. */
    static ObjectNode dataQuery(JsonNode ds, ObjectNode spec, String defaultType) {
        ObjectNode q = GrafanaJson.object();
        q.put("kind", "DataQuery");
        String type = ds.path("type").asString("");
        q.put("group", type.isEmpty() ? defaultType : type);
        q.put("version", "v0"); // defaultDataQueryKind().version in @grafana/schema
        String uid = ds.isObject() ? ds.path("uid").asString("") : ds.asString("");
        if (!uid.isEmpty()) {
            q.putObject("datasource").put("name", uid);
        }
        q.set("spec", spec);
        return q;
    }

    /** A classic panel (as the v1 writer makes it) as a v2 element, with its restorable notes written back. */
    static ObjectNode toElement(JsonNode panel, List<Note> notes) {
        ObjectNode element = GrafanaJson.object();
        ObjectNode spec = GrafanaJson.object();
        if (LIBRARY_PANEL.equals(panel.path("type").asString(""))) {
            element.put("kind", "LibraryPanel");
            spec.put("id", panel.path("id").asInt(0));
            spec.put("title", panel.path("title").asString(""));
            spec.set("libraryPanel", panel.path("libraryPanel").deepCopy());
            element.set("spec", spec);
            return element;
        }
        element.put("kind", "Panel");
        spec.put("id", panel.path("id").asInt(0));
        spec.put("title", panel.path("title").asString(""));
        if (panel.has("description")) {
            spec.put("description", panel.path("description").asString(""));
        }
        spec.set("links", restored(notes, LINKS, GrafanaJson.JSON.createArrayNode()));
        ObjectNode data = spec.putObject("data").put("kind", "QueryGroup").putObject("spec");
        ArrayNode queries = data.putArray("queries");
        for (JsonNode t : panel.path("targets")) {
            ObjectNode qs = (ObjectNode) t.deepCopy();
            qs.remove(List.of("refId", "hide", "datasource"));
            JsonNode ds = t.has("datasource") ? t.path("datasource") : panel.path("datasource");
            ObjectNode pq = queries.addObject().put("kind", "PanelQuery").putObject("spec");
            pq.set("query", dataQuery(ds, qs, "prometheus"));
            pq.put("refId", t.path("refId").asString(""));
            pq.put("hidden", t.path("hide").asBoolean(false));
        }
        data.set("transformations", restored(notes, TRANSFORMATIONS, GrafanaJson.JSON.createArrayNode()));
        JsonNode options = restored(notes, QUERY_OPTIONS, GrafanaJson.object());
        if (panel.has("timeShift")) {
            ((ObjectNode) options).put("timeShift", panel.path("timeShift").asString(""));
        }
        data.set("queryOptions", options);
        ObjectNode viz = spec.putObject("vizConfig");
        viz.put("kind", "VizConfig");
        viz.put("group", panel.path("type").asString(""));
        viz.put("version", "");
        ObjectNode vizSpec = viz.putObject("spec");
        vizSpec.set("options", panel.path("options").isObject() ? panel.path("options").deepCopy() : GrafanaJson.object());
        vizSpec.set("fieldConfig", panel.path("fieldConfig").isObject() ? panel.path("fieldConfig").deepCopy()
                : GrafanaJson.object().<ObjectNode>set("defaults", GrafanaJson.object()).set("overrides", GrafanaJson.JSON.createArrayNode()));
        element.set("spec", spec);
        return element;
    }

    /** The JSON a note kept for {@code field}, or {@code fallback}. */
    static JsonNode restored(List<Note> notes, String field, JsonNode fallback) {
        for (Note n : notes) {
            if (n.field().equals(field) && n.restorable()) {
                return GrafanaJson.parse(n.json());
            }
        }
        return fallback;
    }
}
