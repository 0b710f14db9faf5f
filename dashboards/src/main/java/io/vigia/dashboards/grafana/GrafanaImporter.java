package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.Thresholds;
import io.vigia.dashboards.model.Variable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a Grafana dashboard JSON model (classic schema, versions up to 41; the legacy
 * {@code rows[]} layout included; also the API's {@code {"dashboard": ...}} wrapper and Vigia's own
 * format, which is this schema plus a few {@code vigia*} fields). What Vigia cannot show is kept:
 * unknown panel types become placeholders holding their original JSON, and every part left out
 * is listed in {@link GrafanaImport#warnings()}.
 */
public final class GrafanaImporter {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LEGACY_ROW_HEIGHT_PX = 250;

    private final Map<String, String> inputValues;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> inputKinds = new HashMap<>();
    private final Map<String, String> variableKinds = new HashMap<>();

    private GrafanaImporter(Map<String, String> inputValues) {
        this.inputValues = inputValues;
    }

    /** Imports with every {@code ${DS_*}} input bound to the default data source. */
    public static GrafanaImport read(String json) {
        return read(json, Map.of());
    }

    /**
     * @param inputValues data source names for {@code __inputs} by input name (e.g. {@code DS_PROMETHEUS});
     *                    inputs not given use the dashboard's default data source
     * @throws GrafanaFormatException when the text is not JSON or not a dashboard
     */
    public static GrafanaImport read(String json, Map<String, String> inputValues) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
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
        if (!root.has("panels") && !root.has("rows")) {
            throw new GrafanaFormatException("not a Grafana dashboard: it has neither \"panels\" nor \"rows\"");
        }
        return new GrafanaImporter(inputValues).dashboard(root);
    }

    private GrafanaImport dashboard(JsonNode d) {
        for (JsonNode in : d.path("__inputs")) {
            inputKinds.put(in.path("name").asString(""), in.path("pluginId").asString(""));
        }
        List<Variable> variables = new ArrayList<>();
        for (JsonNode v : d.path("templating").path("list")) {
            Variable var = variable(v);
            if (var != null) {
                variables.add(var);
            }
        }
        List<Panel> panels = d.has("rows") && d.path("rows").size() > 0 && d.path("panels").isEmpty()
                ? legacyRows(d.path("rows"))
                : panels(d.path("panels"));
        List<AnnotationSource> annotations = new ArrayList<>();
        for (JsonNode a : d.path("annotations").path("list")) {
            AnnotationSource src = annotation(a);
            if (src != null) {
                annotations.add(src);
            }
        }
        String uid = d.path("uid").asString("");
        if (uid.isBlank()) {
            uid = UUID.randomUUID().toString();
        }
        List<String> tags = new ArrayList<>();
        d.path("tags").forEach(t -> tags.add(t.asString("")));
        String refresh = d.path("refresh").isString() ? d.path("refresh").asString() : "";
        Dashboard dash = new Dashboard(uid, d.path("title").asString("Untitled"), tags,
                d.path("time").path("from").asString("now-6h"), d.path("time").path("to").asString("now"),
                refresh, variables, panels, annotations);
        return new GrafanaImport(dash, List.copyOf(warnings));
    }

    // ---- panels --------------------------------------------------------------------------------

    private List<Panel> panels(JsonNode array) {
        List<Panel> out = new ArrayList<>();
        int autoY = 0;
        for (JsonNode p : array) {
            GridPos grid = gridPos(p.path("gridPos"), autoY);
            autoY = Math.max(autoY, grid.bottom());
            out.add(panel(p, grid));
        }
        return out;
    }

    private static GridPos gridPos(JsonNode g, int autoY) {
        if (g.isMissingNode() || !g.has("w")) {
            return new GridPos(0, autoY, 12, 8);
        }
        return new GridPos(g.path("x").asInt(0), g.path("y").asInt(autoY), Math.max(1, g.path("w").asInt(12)),
                Math.max(1, g.path("h").asInt(8)));
    }

    /** Schema 14 and older: rows with a height, panels with a span on a 12-column grid. */
    private List<Panel> legacyRows(JsonNode rows) {
        List<Panel> out = new ArrayList<>();
        int y = 0;
        int nextId = 1000;
        for (JsonNode row : rows) {
            int h = Math.max(1, Math.round(pixels(row.path("height"), LEGACY_ROW_HEIGHT_PX) / 30f));
            String rowTitle = row.path("title").asString("");
            boolean collapsed = row.path("collapse").asBoolean(false);
            List<Panel> rowPanels = new ArrayList<>();
            int x = 0;
            int rowY = y + 1;
            int lineHeight = 0;
            for (JsonNode p : row.path("panels")) {
                int w = Math.clamp(Math.round(p.path("span").asDouble(12) * 2), 1, GridPos.COLUMNS);
                if (x + w > GridPos.COLUMNS) {
                    x = 0;
                    rowY += lineHeight;
                }
                int ph = p.has("height") ? Math.max(1, Math.round(pixels(p.path("height"), LEGACY_ROW_HEIGHT_PX) / 30f)) : h;
                rowPanels.add(panel(p, new GridPos(x, rowY, w, ph)));
                x += w;
                lineHeight = Math.max(lineHeight, ph);
            }
            Panel rowPanel = new Panel(nextId++, PanelType.ROW, rowTitle.isBlank() ? "Row" : rowTitle, "",
                    new GridPos(0, y, GridPos.COLUMNS, 1), List.of(), FieldConfig.DEFAULT, PanelOptions.DEFAULTS, "", "",
                    collapsed, collapsed ? rowPanels : List.of(), null, null);
            out.add(rowPanel);
            if (!collapsed) {
                out.addAll(rowPanels);
            }
            y = rowY + lineHeight;
        }
        return out;
    }

    private static int pixels(JsonNode height, int fallback) {
        if (height.isNumber()) {
            return height.asInt();
        }
        String s = height.asString("").replace("px", "").strip();
        try {
            return s.isEmpty() ? fallback : (int) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private Panel panel(JsonNode p, GridPos grid) {
        String grafanaType = p.path("type").asString("");
        PanelType type = PanelType.fromGrafana(grafanaType);
        int id = p.path("id").asInt(0);
        String title = p.path("title").asString("");
        if (type == PanelType.ROW) {
            List<Panel> children = panels(p.path("panels"));
            return new Panel(id, type, title, "", grid, List.of(), FieldConfig.DEFAULT, PanelOptions.DEFAULTS, "", "",
                    p.path("collapsed").asBoolean(false), children, null, null);
        }
        if (type == PanelType.UNSUPPORTED) {
            warnings.add("panel \"" + title + "\" has type \"" + grafanaType + "\", which Vigia does not draw: kept as a placeholder");
            return new Panel(id, type, title, p.path("description").asString(""), grid, queries(p, title),
                    FieldConfig.DEFAULT, PanelOptions.DEFAULTS, p.path("timeShift").asString(""), "", false, List.of(),
                    grafanaType, JSON.writeValueAsString(p));
        }
        String text = type == PanelType.TEXT
                ? p.path("options").path("content").asString(p.path("content").asString(""))
                : "";
        return new Panel(id, type, title, p.path("description").asString(""), grid, queries(p, title),
                fieldConfig(p, grafanaType), GrafanaPanelOptions.read(p, grafanaType), p.path("timeShift").asString(""), text,
                false, List.of(), null, null);
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
            String ds = dataSource(dsNode);
            String kind = dataSourceKind(dsNode, ds);
            String expr = t.path("expr").asString("");
            if (expr.isEmpty() && !t.path("query").isMissingNode() && t.path("query").isString()) {
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

    /** A data source as Vigia names it: "" for the default, "$var" for a variable, else a name. */
    private String dataSource(JsonNode ds) {
        String ref;
        if (ds.isObject()) {
            ref = ds.path("uid").asString("");
        } else {
            ref = ds.asString("");
        }
        if (ref.isEmpty() || ref.equals("-- Mixed --") || ref.equals("-- Grafana --") || ref.equals("default")) {
            return "";
        }
        if (ref.startsWith("${DS_") || ref.startsWith("$DS_")) {
            String input = ref.replace("${", "").replace("}", "").replace("$", "");
            return inputValues.getOrDefault(input, "");
        }
        return ref;
    }

    private String dataSourceKind(JsonNode ds, String resolved) {
        if (ds.isObject() && ds.has("type")) {
            return ds.path("type").asString("").toLowerCase(Locale.ROOT);
        }
        String ref = ds.asString("");
        if (ref.startsWith("${DS_") || ref.startsWith("$DS_")) {
            return inputKinds.getOrDefault(ref.replace("${", "").replace("}", "").replace("$", ""), "");
        }
        if (resolved.startsWith("$")) {
            return variableKinds.getOrDefault(resolved.replace("${", "").replace("}", "").replace("$", ""), "");
        }
        return ref.toLowerCase(Locale.ROOT).contains("loki") ? "loki" : "";
    }

    private FieldConfig fieldConfig(JsonNode p, String grafanaType) {
        JsonNode defaults = p.path("fieldConfig").path("defaults");
        String unit = defaults.path("unit").asString("");
        Double min = number(defaults.path("min"));
        Double max = number(defaults.path("max"));
        Integer decimals = defaults.path("decimals").isNumber() ? defaults.path("decimals").asInt() : null;
        Thresholds thresholds = Thresholds.NONE;
        JsonNode th = defaults.path("thresholds");
        if (th.has("steps")) {
            List<Thresholds.Step> steps = new ArrayList<>();
            for (JsonNode s : th.path("steps")) {
                steps.add(new Thresholds.Step(number(s.path("value")), s.path("color").asString("green")));
            }
            Thresholds.Mode mode = "percentage".equals(th.path("mode").asString("")) ? Thresholds.Mode.PERCENTAGE : Thresholds.Mode.ABSOLUTE;
            thresholds = new Thresholds(mode, steps, thresholdDisplay(defaults.path("custom").path("thresholdsStyle").path("mode").asString("off")));
        }
        switch (grafanaType) {
            case "graph" -> {
                JsonNode y = p.path("yaxes").path(0);
                if (unit.isEmpty()) {
                    unit = y.path("format").asString("");
                }
                min = min != null ? min : number(y.path("min"));
                max = max != null ? max : number(y.path("max"));
                if (p.path("thresholds").isArray() && p.path("thresholds").size() > 0 && thresholds.isEmpty()) {
                    thresholds = legacyGraphThresholds(p.path("thresholds"));
                }
            }
            case "singlestat" -> {
                if (unit.isEmpty()) {
                    unit = p.path("format").asString("");
                }
                if (thresholds.isEmpty()) {
                    thresholds = legacySinglestatThresholds(p.path("thresholds").asString(""), p.path("colors"));
                }
                decimals = decimals != null ? decimals : (p.path("decimals").isNumber() ? p.path("decimals").asInt() : null);
            }
            default -> {
                // modern panels carry everything in fieldConfig
            }
        }
        if (unit.equals("short") || unit.equals("none")) {
            unit = ""; // Grafana's "no unit"
        }
        return new FieldConfig(unit, min, max, decimals, thresholds);
    }

    private static Thresholds.Display thresholdDisplay(String mode) {
        return switch (mode) {
            case "line", "dashed" -> Thresholds.Display.LINE;
            case "area" -> Thresholds.Display.AREA;
            case "line+area", "dashed+area" -> Thresholds.Display.LINE_AND_AREA;
            default -> Thresholds.Display.OFF;
        };
    }

    private static Thresholds legacyGraphThresholds(JsonNode list) {
        List<Thresholds.Step> steps = new ArrayList<>();
        steps.add(new Thresholds.Step(null, "green"));
        boolean fill = false;
        for (JsonNode t : list) {
            Double v = number(t.path("value"));
            if (v != null) {
                String color = switch (t.path("colorMode").asString("critical")) {
                    case "warning" -> "orange";
                    case "ok" -> "green";
                    case "custom" -> t.path("lineColor").asString("red");
                    default -> "red";
                };
                steps.add(new Thresholds.Step(v, color));
                fill |= t.path("fill").asBoolean(false);
            }
        }
        return new Thresholds(Thresholds.Mode.ABSOLUTE, steps, fill ? Thresholds.Display.LINE_AND_AREA : Thresholds.Display.LINE);
    }

    private static Thresholds legacySinglestatThresholds(String csv, JsonNode colors) {
        if (csv.isBlank()) {
            return Thresholds.NONE;
        }
        List<Thresholds.Step> steps = new ArrayList<>();
        steps.add(new Thresholds.Step(null, colors.path(0).asString("green")));
        String[] parts = csv.split(",");
        for (int i = 0; i < parts.length; i++) {
            try {
                steps.add(new Thresholds.Step(Double.parseDouble(parts[i].strip()), colors.path(i + 1).asString("red")));
            } catch (NumberFormatException e) {
                // a malformed threshold is dropped, the others are kept
            }
        }
        return new Thresholds(Thresholds.Mode.ABSOLUTE, steps, Thresholds.Display.OFF);
    }

    private static Double number(JsonNode n) {
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

    // ---- variables and annotations -----------------------------------------------------------

    private Variable variable(JsonNode v) {
        String name = v.path("name").asString("");
        String label = v.path("label").isString() ? v.path("label").asString("") : "";
        String type = v.path("type").asString("");
        List<String> current = currentValues(v.path("current").path("value"));
        boolean multi = v.path("multi").asBoolean(false);
        boolean includeAll = v.path("includeAll").asBoolean(false);
        String allValue = v.path("allValue").isString() ? v.path("allValue").asString("") : "";
        String query = v.path("query").isObject() ? v.path("query").path("query").asString("") : v.path("query").asString("");
        return switch (type) {
            case "query" -> new Variable.QueryVariable(name, label, dataSource(v.path("datasource")),
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
            case "datasource" -> {
                String kind = query.toLowerCase(Locale.ROOT);
                variableKinds.put(name, kind);
                yield new Variable.DataSourceVariable(name, label, kind, v.path("regex").asString(""), current);
            }
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

    private AnnotationSource annotation(JsonNode a) {
        String name = a.path("name").asString("Annotations");
        boolean enabled = a.path("enable").asBoolean(true);
        String color = a.path("iconColor").asString("");
        String vigiaKind = a.path("vigiaKind").asString("");
        if (vigiaKind.equals("deploys")) {
            return new AnnotationSource(name, AnnotationSource.Kind.DEPLOYS, dataSource(a.path("datasource")),
                    a.path("expr").asString(""), a.path("titleFormat").asString(""), a.path("textFormat").asString(""), color, enabled);
        }
        if (vigiaKind.equals("data-gaps")) {
            return new AnnotationSource(name, AnnotationSource.Kind.DATA_GAPS, dataSource(a.path("datasource")),
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
        String ds = dataSource(a.path("datasource"));
        QueryLanguage language = dataSourceKind(a.path("datasource"), ds).equals("loki") ? QueryLanguage.LOGQL : QueryLanguage.PROMQL;
        return new AnnotationSource(name, AnnotationSource.Kind.QUERY, ds, expr,
                a.path("titleFormat").asString(""), a.path("textFormat").asString(""), color, enabled, language);
    }
}
