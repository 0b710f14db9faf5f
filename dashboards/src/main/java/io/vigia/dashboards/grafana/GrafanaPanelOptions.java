package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.PanelOptions.Drift;
import io.vigia.dashboards.model.PanelOptions.DrawStyle;
import io.vigia.dashboards.model.PanelOptions.GraphMode;
import io.vigia.dashboards.model.PanelOptions.Legend;
import io.vigia.dashboards.model.PanelOptions.Orientation;
import io.vigia.dashboards.model.PanelOptions.Stacking;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where typed {@link PanelOptions} meet Grafana's JSON, in both directions, so that
 * an export imports back to the same options. Grafana's own options sit where Grafana puts them
 * (modern and legacy locations are read); the few that Grafana has no place for (the OWASP column,
 * bar series names, drift panels, the seasonal band, the feeds of {@code GrafanaPanelSources}) sit in the panel's
 * {@code options.vigia} object.
 */
final class GrafanaPanelOptions {
    private GrafanaPanelOptions() {
    }

    static PanelOptions read(JsonNode p, String grafanaType) {
        JsonNode opts = p.path("options");
        JsonNode custom = p.path("fieldConfig").path("defaults").path("custom");
        JsonNode vigia = opts.path("vigia");
        return new PanelOptions(
                new PanelOptions.Graph(legend(p, opts), stacking(p, custom, grafanaType), drawStyle(p, custom, grafanaType),
                        fillOpacity(p, custom, grafanaType), vigia.path("seasonalBand").asBoolean(false)),
                new PanelOptions.Stat(reducer(p, opts, grafanaType), graphMode(p, opts, grafanaType), direction(opts)),
                new PanelOptions.Bars(orientation(opts), seriesNames(vigia.path("seriesNames"))),
                new PanelOptions.Table(vigia.path("owaspColumn").asBoolean(false)),
                drift(vigia.path("drift")), GrafanaPanelSources.read(vigia.path("sources")));
    }

    /** Grafana's per-field options: stacking, draw style, fill opacity. */
    static void writeCustom(PanelOptions o, ObjectNode custom) {
        PanelOptions.Graph g = o.graph();
        if (g.stacking() != null) {
            custom.putObject("stacking").put("mode", id(g.stacking()));
        }
        if (g.drawStyle() != null) {
            custom.put("drawStyle", id(g.drawStyle()));
        }
        if (g.fillOpacity() != null) {
            custom.put("fillOpacity", g.fillOpacity());
        }
    }

    /** The panel's {@code options}: legend, reducer, sparkline, orientation, change colours, Vigia's own. */
    static void writeOptions(PanelOptions o, ObjectNode out) {
        Legend legend = o.graph().legend();
        if (legend != null) {
            ObjectNode l = out.putObject("legend");
            l.put("showLegend", legend != Legend.HIDDEN);
            l.put("displayMode", legend == Legend.HIDDEN ? "list" : id(legend));
        }
        PanelOptions.Stat s = o.stat();
        if (s.reducer() != null) {
            out.putObject("reduceOptions").putArray("calcs").add(s.reducer());
        }
        if (s.graphMode() != null) {
            out.put("graphMode", id(s.graphMode()));
        }
        if (s.direction() != KpiDirection.NEUTRAL) {
            // Grafana's stat colours the change green when it rises ("standard") or when it falls ("inverted")
            out.put("showPercentChange", true);
            out.put("percentChangeColorMode", s.direction() == KpiDirection.HIGHER_IS_BETTER ? "standard" : "inverted");
        }
        if (o.bars().orientation() != null) {
            out.put("orientation", id(o.bars().orientation()));
        }
        ObjectNode vigia = GrafanaJson.JSON.createObjectNode();
        if (o.table().owaspColumn()) {
            vigia.put("owaspColumn", true);
        }
        if (!o.bars().seriesNames().isEmpty()) {
            ObjectNode names = vigia.putObject("seriesNames");
            new java.util.TreeMap<>(o.bars().seriesNames()).forEach(names::put);
        }
        if (o.graph().seasonalBand()) {
            vigia.put("seasonalBand", true);
        }
        if (o.drift().active()) {
            vigia.putObject("drift").put("mode", id(o.drift().mode())).put("by", o.drift().by())
                    .put("window", o.drift().window()).put("baseline", o.drift().baseline());
        }
        GrafanaPanelSources.write(o.sources(), vigia);
        if (!vigia.isEmpty()) {
            out.set("vigia", vigia);
        }
    }

    private static Legend legend(JsonNode p, JsonNode opts) {
        String mode = opts.path("legend").path("displayMode").asString("");
        if (!mode.isEmpty()) {
            return opts.path("legend").path("showLegend").asBoolean(true) ? parse(Legend.class, mode) : Legend.HIDDEN;
        }
        if (p.path("legend").has("show")) {
            return !p.path("legend").path("show").asBoolean(true) ? Legend.HIDDEN
                    : p.path("legend").path("alignAsTable").asBoolean(false) ? Legend.TABLE : Legend.LIST;
        }
        return null;
    }

    private static Stacking stacking(JsonNode p, JsonNode custom, String grafanaType) {
        String mode = custom.path("stacking").path("mode").asString("");
        if (!mode.isEmpty()) {
            return parse(Stacking.class, mode);
        }
        if (grafanaType.equals("graph") && p.path("stack").asBoolean(false)) {
            return p.path("percentage").asBoolean(false) ? Stacking.PERCENT : Stacking.NORMAL;
        }
        return null;
    }

    private static DrawStyle drawStyle(JsonNode p, JsonNode custom, String grafanaType) {
        String draw = custom.path("drawStyle").asString("");
        if (!draw.isEmpty()) {
            return parse(DrawStyle.class, draw);
        }
        if (grafanaType.equals("graph")) {
            return p.path("bars").asBoolean(false) ? DrawStyle.BARS
                    : (!p.path("lines").asBoolean(true) && p.path("points").asBoolean(false)) ? DrawStyle.POINTS : DrawStyle.LINE;
        }
        return null;
    }

    private static Integer fillOpacity(JsonNode p, JsonNode custom, String grafanaType) {
        if (custom.has("fillOpacity")) {
            return custom.path("fillOpacity").asInt();
        }
        if (grafanaType.equals("graph") && p.has("fill")) {
            return p.path("fill").asInt(1) * 10;
        }
        return null;
    }

    private static String reducer(JsonNode p, JsonNode opts, String grafanaType) {
        JsonNode calcs = opts.path("reduceOptions").path("calcs");
        if (calcs.size() > 0) {
            return calcs.path(0).asString("lastNotNull");
        }
        if (grafanaType.equals("singlestat")) {
            return switch (p.path("valueName").asString("avg")) {
                case "current" -> "lastNotNull";
                case "avg" -> "mean";
                case "total" -> "sum";
                default -> p.path("valueName").asString("mean");
            };
        }
        return null;
    }

    private static GraphMode graphMode(JsonNode p, JsonNode opts, String grafanaType) {
        if (opts.has("graphMode")) {
            return parse(GraphMode.class, opts.path("graphMode").asString("area"));
        }
        if (grafanaType.equals("singlestat")) {
            return p.path("sparkline").path("show").asBoolean(false) ? GraphMode.AREA : GraphMode.NONE;
        }
        return null;
    }

    /**
     * Grafana's stat shows a coloured change only with {@code showPercentChange}; its
     * {@code percentChangeColorMode} then says which way is good. Anything else is neutral.
     */
    private static KpiDirection direction(JsonNode opts) {
        if (!opts.path("showPercentChange").asBoolean(false)) {
            return KpiDirection.NEUTRAL;
        }
        return switch (opts.path("percentChangeColorMode").asString("standard")) {
            case "standard" -> KpiDirection.HIGHER_IS_BETTER;
            case "inverted" -> KpiDirection.LOWER_IS_BETTER;
            default -> KpiDirection.NEUTRAL; // same_as_value: coloured by thresholds, not by direction
        };
    }

    private static Orientation orientation(JsonNode opts) {
        String o = opts.path("orientation").asString("auto");
        return o.equals("auto") ? null : parse(Orientation.class, o);
    }

    private static Map<String, String> seriesNames(JsonNode names) {
        Map<String, String> out = new LinkedHashMap<>();
        names.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString("")));
        return out;
    }

    private static Drift drift(JsonNode d) {
        Drift.Mode mode = parse(Drift.Mode.class, d.path("mode").asString("none"));
        if (mode == null || mode == Drift.Mode.NONE) {
            return Drift.NONE;
        }
        return new Drift(mode, text(d, "by"), text(d, "window"), text(d, "baseline"));
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) ? n.path(field).asString("") : null;
    }

    /** An enum constant by its Grafana id; null for a value Vigia does not know (Grafana's default applies). */
    private static <E extends Enum<E>> E parse(Class<E> type, String id) {
        try {
            return Enum.valueOf(type, id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
