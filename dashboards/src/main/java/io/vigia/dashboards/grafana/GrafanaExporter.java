package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Note;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.Thresholds;
import io.vigia.dashboards.model.Variable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;


/**
 * Writes a dashboard as Grafana's classic JSON (schema 41), as the schema v2 resource Grafana 13
 * writes ({@link V2Writer}), or in Vigia's own format: the classic JSON with a {@code vigiaFormat}
 * marker and the fields Grafana has no place for (deploy annotations, tabs and nested sections,
 * notes). {@link GrafanaImporter} reads each back to an equal {@link Dashboard}, but for what
 * {@link #losses} lists.
 */
public final class GrafanaExporter {
    public static final int SCHEMA_VERSION = 41;
    public static final int VIGIA_FORMAT = 1;

    public enum Format {
        /** Grafana's classic JSON model. */
        GRAFANA,
        /** Vigia's own: the classic model plus what Grafana's has no place for. */
        VIGIA,
        /** The {@code dashboard.grafana.app/v2} resource of Grafana 13's dynamic dashboards. */
        GRAFANA_V2
    }

    private GrafanaExporter() {
    }

    public static String write(Dashboard d, Format format) {
        if (format == Format.GRAFANA_V2) {
            return GrafanaJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(V2Writer.resource(d));
        }
        ObjectNode root = GrafanaJson.JSON.createObjectNode();
        if (format == Format.VIGIA) {
            root.put("vigiaFormat", VIGIA_FORMAT);
        }
        root.put("uid", d.uid());
        root.put("title", d.title());
        ArrayNode tags = root.putArray("tags");
        d.tags().forEach(tags::add);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("editable", true);
        root.put("timezone", "browser");
        ObjectNode time = root.putObject("time");
        time.put("from", d.timeFrom());
        time.put("to", d.timeTo());
        root.put("refresh", d.refresh());
        ArrayNode vars = root.putObject("templating").putArray("list");
        d.variables().forEach(v -> vars.add(variable(v)));
        ArrayNode annotations = root.putObject("annotations").putArray("list");
        d.annotations().forEach(a -> annotations.add(annotation(a)));
        ArrayNode panels = root.putArray("panels");
        boolean vigia = format == Format.VIGIA;
        d.panels().forEach(p -> panels.add(panel(p, vigia)));
        V1Sections.write(d, panels, vigia);
        if (vigia && !d.notes().isEmpty()) {
            root.set(V1Reader.VIGIA_NOTES, notes(d.notes()));
        }
        return GrafanaJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** What {@code format} cannot carry of this dashboard, one sentence each; empty when nothing is lost. */
    public static List<String> losses(Dashboard d, Format format) {
        return ExportLosses.of(d, format);
    }

    /** A panel in the classic shape; in Vigia's format with its notes. */
    static ObjectNode panel(Panel p, boolean vigia) {
        ObjectNode n = panel(p);
        if (vigia && !p.notes().isEmpty()) {
            n.set(V1Reader.VIGIA_NOTES, notes(p.notes()));
        }
        return n;
    }

    static ArrayNode notes(List<Note> notes) {
        ArrayNode out = GrafanaJson.JSON.createArrayNode();
        for (Note n : notes) {
            out.addObject().put("text", n.text()).put("field", n.field()).put("json", n.json());
        }
        return out;
    }

    private static ObjectNode panel(Panel p) {
        if (p.type() == PanelType.UNSUPPORTED && !p.originalJson().isEmpty()) {
            return keptAsItWas(p);
        }
        ObjectNode n = GrafanaJson.JSON.createObjectNode();
        n.put("id", p.id());
        n.put("type", p.type().grafanaName());
        n.put("title", p.title());
        if (!p.description().isEmpty()) {
            n.put("description", p.description());
        }
        n.set("gridPos", grid(p.grid()));
        if (p.type() == PanelType.ROW) {
            n.put("collapsed", p.collapsed());
            ArrayNode children = n.putArray("panels");
            p.children().forEach(c -> children.add(panel(c)));
            return n;
        }
        if (!p.timeShift().isEmpty()) {
            n.put("timeShift", p.timeShift());
        }
        ArrayNode targets = n.putArray("targets");
        for (Query q : p.queries()) {
            ObjectNode t = targets.addObject();
            t.put("refId", q.refId());
            JsonNode ds = dataSource(q.dataSource(), q.language());
            if (ds != null) {
                t.set("datasource", ds);
            }
            t.put("expr", q.expr());
            t.put("legendFormat", q.legendFormat());
            t.put("instant", q.instant());
            t.put("range", !q.instant());
            if (q.hidden()) {
                t.put("hide", true);
            }
            if (!q.minInterval().isEmpty()) {
                t.put("interval", q.minInterval());
            }
        }
        n.set("fieldConfig", fieldConfig(p.fieldConfig(), p));
        n.set("options", options(p));
        return n;
    }

    /** An unsupported panel goes back out as it came in, with its place, id and title as the model has them now. */
    private static ObjectNode keptAsItWas(Panel p) {
        ObjectNode n = (ObjectNode) GrafanaJson.JSON.readTree(p.originalJson());
        n.set("gridPos", grid(p.grid()));
        n.put("id", p.id());
        n.put("title", p.title());
        return n;
    }

    static JsonNode grid(GridPos g) {
        ObjectNode n = GrafanaJson.JSON.createObjectNode();
        n.put("h", g.h());
        n.put("w", g.w());
        n.put("x", g.x());
        n.put("y", g.y());
        return n;
    }

    private static JsonNode dataSource(String ds, QueryLanguage language) {
        String type = language == QueryLanguage.LOGQL ? "loki" : "prometheus";
        if (ds.isEmpty() && language == QueryLanguage.PROMQL) {
            return null;
        }
        ObjectNode n = GrafanaJson.JSON.createObjectNode();
        n.put("type", type);
        if (!ds.isEmpty()) {
            n.put("uid", ds);
        }
        return n;
    }

    private static JsonNode fieldConfig(FieldConfig f, Panel p) {
        ObjectNode n = GrafanaJson.JSON.createObjectNode();
        ObjectNode defaults = n.putObject("defaults");
        if (!f.unit().isEmpty()) {
            defaults.put("unit", f.unit());
        }
        if (f.min() != null) {
            defaults.put("min", f.min());
        }
        if (f.max() != null) {
            defaults.put("max", f.max());
        }
        if (f.decimals() != null) {
            defaults.put("decimals", f.decimals());
        }
        ObjectNode custom = defaults.putObject("custom");
        Thresholds t = f.thresholds();
        if (!t.steps().isEmpty()) {
            ObjectNode th = defaults.putObject("thresholds");
            th.put("mode", t.mode() == Thresholds.Mode.PERCENTAGE ? "percentage" : "absolute");
            ArrayNode steps = th.putArray("steps");
            for (Thresholds.Step s : t.steps()) {
                ObjectNode step = steps.addObject();
                step.put("color", s.color());
                if (s.value() == null) {
                    step.putNull("value");
                } else {
                    step.put("value", s.value());
                }
            }
            custom.putObject("thresholdsStyle").put("mode", switch (t.display()) {
                case OFF -> "off";
                case LINE -> "line";
                case AREA -> "area";
                case LINE_AND_AREA -> "line+area";
            });
        }
        GrafanaPanelOptions.writeCustom(p.options(), custom);
        n.putArray("overrides");
        return n;
    }

    private static JsonNode options(Panel p) {
        ObjectNode o = GrafanaJson.JSON.createObjectNode();
        GrafanaPanelOptions.writeOptions(p.options(), o);
        if (p.type() == PanelType.TEXT) {
            o.put("mode", "markdown");
            o.put("content", p.text());
        }
        return o;
    }

    static ObjectNode variable(Variable v) {
        ObjectNode n = GrafanaJson.JSON.createObjectNode();
        n.put("name", v.name());
        if (!v.label().isEmpty()) {
            n.put("label", v.label());
        }
        ObjectNode current = n.putObject("current");
        if (v.multi()) {
            ArrayNode values = current.putArray("value");
            v.current().forEach(values::add);
            current.put("text", String.join(" + ", v.current()));
        } else if (!v.current().isEmpty()) {
            current.put("value", v.current().getFirst());
            current.put("text", v.current().getFirst());
        }
        switch (v) {
            case Variable.QueryVariable q -> {
                n.put("type", "query");
                if (!q.dataSource().isEmpty()) {
                    n.putObject("datasource").put("uid", q.dataSource());
                }
                n.put("query", q.query());
                n.put("definition", q.query());
                n.put("regex", q.regex());
                n.put("multi", q.multi());
                n.put("includeAll", q.includeAll());
                n.put("allValue", q.allValue());
                n.put("refresh", 1);
            }
            case Variable.CustomVariable c -> {
                n.put("type", "custom");
                n.put("query", String.join(",", c.options().stream().map(o -> o.replace(",", "\\,")).toList()));
                ArrayNode options = n.putArray("options");
                c.options().forEach(o -> options.addObject().put("text", o).put("value", o)
                        .put("selected", c.current().contains(o)));
                n.put("multi", c.multi());
                n.put("includeAll", c.includeAll());
                n.put("allValue", c.allValue());
            }
            case Variable.IntervalVariable i -> {
                n.put("type", "interval");
                n.put("query", String.join(",", i.options()));
                n.put("auto", i.auto());
            }
            case Variable.DataSourceVariable ds -> {
                n.put("type", "datasource");
                n.put("query", ds.kind());
                n.put("regex", ds.regex());
            }
            case Variable.TextVariable t -> {
                n.put("type", t.constant() ? "constant" : "textbox");
                n.put("query", t.current().isEmpty() ? "" : t.current().getFirst());
            }
        }
        return n;
    }

    static ObjectNode annotation(AnnotationSource a) {
        ObjectNode n = GrafanaJson.JSON.createObjectNode();
        n.put("name", a.name());
        n.put("enable", a.enabled());
        n.put("iconColor", a.color());
        switch (a.kind()) {
            case MANUAL -> {
                n.put("builtIn", 1);
                n.put("vigiaKind", "manual");
                n.putObject("datasource").put("type", "grafana").put("uid", "-- Grafana --");
                n.put("type", "dashboard");
            }
            case DEPLOYS, QUERY, DATA_GAPS -> {
                if (a.kind() == AnnotationSource.Kind.DEPLOYS) {
                    n.put("vigiaKind", "deploys");
                } else if (a.kind() == AnnotationSource.Kind.DATA_GAPS) {
                    // Grafana has no such annotation: it would show each sample of the metric; enabled
                    // only in Vigia, which knows the kind
                    n.put("vigiaKind", "data-gaps");
                    n.put("vigiaEnable", a.enabled());
                    n.put("enable", false);
                }
                JsonNode ds = dataSource(a.dataSource(), a.language());
                if (ds != null) {
                    n.set("datasource", ds);
                }
                n.put("expr", a.expr());
                n.put("titleFormat", a.titleFormat());
                n.put("textFormat", a.textFormat());
            }
        }
        return n;
    }
}
