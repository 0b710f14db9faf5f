package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Note;
import io.vigia.dashboards.model.Variable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A schema v2 dashboard spec ({@code elements} plus a {@code layout}; v2alpha1, v2beta1 and v2 as
 * {@code @grafana/schema} 13.2.3 types them). Elements, variables and annotations are read through
 * the classic shape ({@link V2PanelShape}, {@link V2TemplatingShape}), so one reader decides what a
 * panel, query or variable becomes; the layout becomes Vigia's grid and sections ({@link V2LayoutReader}).
 */
final class V2Reader {
    static final String LINKS = "dashboard.links";
    static final String DESCRIPTION = "dashboard.description";

    private final DataSourceRefs sources;
    private final List<String> warnings;

    V2Reader(DataSourceRefs sources, List<String> warnings) {
        this.sources = sources;
        this.warnings = warnings;
    }

    Dashboard read(JsonNode spec, String uid) {
        ArrayNode classicVariables = GrafanaJson.JSON.createArrayNode();
        Set<String> names = new HashSet<>();
        for (JsonNode v : spec.path("variables")) {
            classicVariables.add(V2TemplatingShape.classicVariable(v));
            names.add(v.path("spec").path("name").asString(""));
        }
        List<JsonNode> sectionVariables = new ArrayList<>();
        V2LayoutReader.sectionVariables(spec.path("layout"), sectionVariables);
        for (JsonNode v : sectionVariables) {
            if (names.add(v.path("spec").path("name").asString(""))) {
                classicVariables.add(V2TemplatingShape.classicVariable(v));
            } else {
                warnings.add("variable $" + v.path("spec").path("name").asString("")
                        + " is defined on a section and on the dashboard: the dashboard's is used");
            }
        }
        TemplatingReader templating = new TemplatingReader(sources, warnings, false);
        templating.registerDataSourceVariables(classicVariables);
        List<Variable> variables = templating.variables(classicVariables);

        ArrayNode classicAnnotations = GrafanaJson.JSON.createArrayNode();
        spec.path("annotations").forEach(a -> classicAnnotations.add(V2TemplatingShape.classicAnnotation(a)));

        Map<String, V2PanelShape.Classic> elements = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : spec.path("elements").properties()) {
            elements.put(e.getKey(), V2PanelShape.toClassic(e.getValue()));
        }
        V2LayoutReader layout = new V2LayoutReader(elements, new PanelReader(sources, warnings), warnings);
        V2LayoutReader.Content content = layout.read(spec.path("layout"), true);
        layout.unplaced().forEach(n -> warnings.add("element \"" + n + "\" is not placed in the layout: left out"));

        List<Note> notes = new ArrayList<>(content.notes());
        if (spec.path("links").size() > 0) {
            notes.add(new Note(spec.path("links").size() + " dashboard link(s) that Vigia does not show", LINKS,
                    GrafanaJson.compact(spec.path("links"))));
        }
        if (!spec.path("description").asString("").isEmpty()) {
            notes.add(new Note("description: " + spec.path("description").asString(""), DESCRIPTION,
                    GrafanaJson.compact(spec.path("description"))));
        }
        List<String> tags = new ArrayList<>();
        spec.path("tags").forEach(t -> tags.add(t.asString("")));
        JsonNode time = spec.path("timeSettings");
        return new Dashboard(uid.isBlank() ? UUID.randomUUID().toString() : uid, spec.path("title").asString("Untitled"), tags,
                time.path("from").asString("now-6h"), time.path("to").asString("now"), time.path("autoRefresh").asString(""),
                variables, content.panels(), templating.annotations(classicAnnotations), content.sections(), notes);
    }
}
