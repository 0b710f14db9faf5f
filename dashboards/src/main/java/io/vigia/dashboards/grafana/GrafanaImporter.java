package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.Dashboard;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Grafana dashboard in any of the shapes Grafana writes: the classic JSON model (schema
 * versions up to 41, the legacy {@code rows[]} layout included, also inside the API's
 * {@code {"dashboard": ...}} wrapper), the schema v2 spec that Grafana 13's dynamic dashboards
 * write, bare or inside its {@code dashboard.grafana.app} resource ({@link GrafanaResource}), and
 * Vigia's own format. What Vigia cannot show is kept: unknown panel types become placeholders
 * holding their original JSON, what a section or panel does that Vigia does not becomes a note on
 * it, and every part left out is listed in {@link GrafanaImport#warnings()}.
 */
public final class GrafanaImporter {
    private GrafanaImporter() {
    }

    /** Imports with every {@code ${DS_*}} input bound to the default data source. */
    public static GrafanaImport read(String json) {
        return read(json, Map.of());
    }

    /**
     * @param inputValues data source names for {@code __inputs} by input name (e.g. {@code DS_PROMETHEUS});
     *                    inputs not given follow the dashboard's data-source variable of that name, else the default source
     * @throws GrafanaFormatException when the text is not JSON or not a dashboard
     */
    public static GrafanaImport read(String json, Map<String, String> inputValues) {
        JsonNode root;
        try {
            root = GrafanaJson.JSON.readTree(json);
        } catch (JacksonException e) {
            throw new GrafanaFormatException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new GrafanaFormatException("not a Grafana dashboard: the JSON is not an object");
        }
        if (root.has("dashboard") && root.get("dashboard").isObject()) {
            root = root.get("dashboard");
        }
        List<String> warnings = new ArrayList<>();
        DataSourceRefs sources = new DataSourceRefs(inputValues);
        Optional<GrafanaResource.Unwrapped> resource = GrafanaResource.unwrap(root);
        Dashboard d;
        if (resource.isPresent() && resource.get().v2()) {
            d = new V2Reader(sources, warnings).read(resource.get().spec(), resource.get().uid());
        } else if (resource.isEmpty() && GrafanaResource.isV2Spec(root)) {
            d = new V2Reader(sources, warnings).read(root, "");
        } else {
            JsonNode classic = resource.map(GrafanaResource.Unwrapped::spec).orElse(root);
            if (!classic.has("panels") && !classic.has("rows")) {
                throw new GrafanaFormatException("not a Grafana dashboard: it has neither \"panels\" nor \"rows\""
                        + " (nor the \"elements\" and \"layout\" of schema v2)");
            }
            d = new V1Reader(sources, warnings, classic.has("vigiaFormat")).read(classic);
            if (resource.isPresent() && !resource.get().uid().isBlank() && classic.path("uid").asString("").isBlank()) {
                d = d.copiedAs(resource.get().uid(), d.title());
            }
        }
        return new GrafanaImport(d, List.copyOf(warnings));
    }
}
