package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.VariableRef;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Data-source references of an imported dashboard as Vigia names them: "" for the default source,
 * a variable reference ({@code $datasource}, {@code ${ds_prometheus}}) kept as written and resolved
 * to the variable's choice when the query runs, else a source name. An export input
 * ({@code ${DS_PROMETHEUS}} of {@code __inputs}) is bound to the source given for it at import; without
 * one it follows the data-source variable of that name when the dashboard has one (Node Exporter
 * Full 2021 has both), else the default source.
 */
final class DataSourceRefs {
    private final Map<String, String> inputValues;
    private final Map<String, String> inputKinds = new HashMap<>();
    private final Map<String, String> variableKinds = new HashMap<>();

    DataSourceRefs(Map<String, String> inputValues) {
        this.inputValues = inputValues;
    }

    /** An {@code __inputs} entry: its name and plugin id (the data source's type). */
    void input(String name, String pluginId) {
        inputKinds.put(name, pluginId.toLowerCase(Locale.ROOT));
    }

    /** A data-source variable of the dashboard and the type of source it chooses. */
    void dataSourceVariable(String name, String kind) {
        variableKinds.put(name, kind.toLowerCase(Locale.ROOT));
    }

    /** The Vigia name of a {@code datasource} field (an object with a uid, or a plain string). */
    String name(JsonNode ds) {
        String ref = ds.isObject() ? ds.path("uid").asString("") : ds.asString("");
        if (ref.isEmpty() || ref.equals("-- Mixed --") || ref.equals("-- Grafana --") || ref.equals("default")) {
            return "";
        }
        String variable = VariableRef.nameIn(ref).orElse(null);
        if (variable != null && inputKinds.containsKey(variable)) {
            String given = inputValues.get(variable);
            if (given != null) {
                return given;
            }
            return variableKinds.containsKey(variable) ? ref : "";
        }
        if (variable != null && variable.startsWith("DS_") && !variableKinds.containsKey(variable)) {
            return inputValues.getOrDefault(variable, ""); // an input the file forgot to declare
        }
        return ref;
    }

    /** The type of source a {@code datasource} field points at ("prometheus", "loki", ...), "" when unknown. */
    String kind(JsonNode ds, String resolved) {
        if (ds.isObject() && ds.has("type")) {
            return ds.path("type").asString("").toLowerCase(Locale.ROOT);
        }
        String ref = ds.isObject() ? ds.path("uid").asString("") : ds.asString("");
        String variable = VariableRef.nameIn(ref).orElse(VariableRef.nameIn(resolved).orElse(null));
        if (variable != null) {
            String kind = variableKinds.getOrDefault(variable, inputKinds.get(variable));
            if (kind != null) {
                return kind;
            }
        }
        return ref.toLowerCase(Locale.ROOT).contains("loki") ? "loki" : "";
    }
}
