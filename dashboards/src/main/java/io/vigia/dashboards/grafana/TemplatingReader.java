package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.Variable;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Variables and annotation queries in the classic JSON shape (those of schema v2 are read through
 * the same shape). A data-source variable read from Grafana's JSON starts on the workspace's
 * default source: the instance Grafana had chosen does not exist here. Vigia's own files keep the choice.
 */
final class TemplatingReader {
    private final DataSourceRefs sources;
    private final List<String> warnings;
    private final boolean vigiaFile;

    TemplatingReader(DataSourceRefs sources, List<String> warnings, boolean vigiaFile) {
        this.sources = sources;
        this.warnings = warnings;
        this.vigiaFile = vigiaFile;
    }

    /** Registers the data-source variables first: queries and other variables refer to them. */
    void registerDataSourceVariables(JsonNode list) {
        for (JsonNode v : list) {
            if ("datasource".equals(v.path("type").asString(""))) {
                sources.dataSourceVariable(v.path("name").asString(""), query(v));
            }
        }
    }

    List<Variable> variables(JsonNode list) {
        List<Variable> out = new ArrayList<>();
        for (JsonNode v : list) {
            Variable var = variable(v);
            if (var != null) {
                out.add(var);
            }
        }
        return out;
    }

    private static String query(JsonNode v) {
        return v.path("query").isObject() ? v.path("query").path("query").asString("") : v.path("query").asString("");
    }

    Variable variable(JsonNode v) {
        String name = v.path("name").asString("");
        String label = v.path("label").isString() ? v.path("label").asString("") : "";
        String type = v.path("type").asString("");
        List<String> current = currentValues(v.path("current").path("value"));
        boolean multi = v.path("multi").asBoolean(false);
        boolean includeAll = v.path("includeAll").asBoolean(false);
        String allValue = v.path("allValue").isString() ? v.path("allValue").asString("") : "";
        String query = query(v);
        return switch (type) {
            case "query" -> new Variable.QueryVariable(name, label, sources.name(v.path("datasource")),
                    query.isEmpty() ? v.path("definition").asString("") : query, v.path("regex").asString(""),
                    multi, includeAll, allValue, current);
            case "custom" -> {
                List<String> options = new ArrayList<>();
                if (v.path("options").size() > 0) {
                    v.path("options").forEach(o -> options.add(o.path("value").asString("")));
                    options.remove(Variable.ALL);
                } else {
                    for (String part : query.split("(?<!\\\\),")) {
                        if (!part.isBlank()) {
                            options.add(part.strip().replace("\\,", ","));
                        }
                    }
                }
                yield new Variable.CustomVariable(name, label, options, multi, includeAll, allValue, current);
            }
            case "interval" -> {
                List<String> options = new ArrayList<>();
                for (String part : query.split(",")) {
                    if (!part.isBlank()) {
                        options.add(part.strip());
                    }
                }
                yield new Variable.IntervalVariable(name, label, options, v.path("auto").asBoolean(false), current);
            }
            case "datasource" -> new Variable.DataSourceVariable(name, label, query.toLowerCase(Locale.ROOT),
                    v.path("regex").asString(""), vigiaFile ? current : List.of());
            case "textbox", "constant" -> new Variable.TextVariable(name, label, type.equals("constant"),
                    current.isEmpty() ? List.of(query) : current);
            default -> {
                warnings.add("variable $" + name + " has type \"" + type + "\", which Vigia does not support: left out");
                yield null;
            }
        };
    }

    private static List<String> currentValues(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(x -> out.add(x.asString("")));
        } else if (!value.isMissingNode() && !value.isNull()) {
            out.add(value.asString(""));
        }
        return out;
    }

    List<AnnotationSource> annotations(JsonNode list) {
        List<AnnotationSource> out = new ArrayList<>();
        for (JsonNode a : list) {
            AnnotationSource src = annotation(a);
            if (src != null) {
                out.add(src);
            }
        }
        return out;
    }

    private AnnotationSource annotation(JsonNode a) {
        String name = a.path("name").asString("Annotations");
        boolean enabled = a.path("enable").asBoolean(true);
        String color = a.path("iconColor").asString("");
        String vigiaKind = a.path("vigiaKind").asString("");
        if (vigiaKind.equals("deploys")) {
            return new AnnotationSource(name, AnnotationSource.Kind.DEPLOYS, sources.name(a.path("datasource")),
                    a.path("expr").asString(""), a.path("titleFormat").asString(""), a.path("textFormat").asString(""), color, enabled);
        }
        if (vigiaKind.equals("data-gaps")) {
            return new AnnotationSource(name, AnnotationSource.Kind.DATA_GAPS, sources.name(a.path("datasource")),
                    a.path("expr").asString(""), "", "", color, a.path("vigiaEnable").asBoolean(true));
        }
        if (a.path("builtIn").asInt(0) == 1 || vigiaKind.equals("manual")) {
            return new AnnotationSource(name, AnnotationSource.Kind.MANUAL, "", "", "", "", color, enabled);
        }
        String expr = a.path("expr").asString(a.path("target").path("expr").asString(""));
        if (expr.isEmpty()) {
            warnings.add("annotation \"" + name + "\" is not a PromQL or LogQL query: left out");
            return null;
        }
        String ds = sources.name(a.path("datasource"));
        QueryLanguage language = sources.kind(a.path("datasource"), ds).equals("loki") ? QueryLanguage.LOGQL : QueryLanguage.PROMQL;
        return new AnnotationSource(name, AnnotationSource.Kind.QUERY, ds, expr,
                a.path("titleFormat").asString(""), a.path("textFormat").asString(""), color, enabled, language);
    }
}
