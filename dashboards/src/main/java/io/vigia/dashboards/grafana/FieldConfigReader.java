package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.Thresholds;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static io.vigia.dashboards.grafana.GrafanaJson.number;

/**
 * A panel's unit, range, decimals and thresholds: from {@code fieldConfig.defaults} (modern panels,
 * and every panel of schema v2), or from the legacy {@code graph} and {@code singlestat} fields.
 */
final class FieldConfigReader {
    private FieldConfigReader() {
    }

    static FieldConfig read(JsonNode p, String grafanaType) {
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
            thresholds = new Thresholds(mode, steps, display(defaults.path("custom").path("thresholdsStyle").path("mode").asString("off")));
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
                    thresholds = legacyGraph(p.path("thresholds"));
                }
            }
            case "singlestat" -> {
                if (unit.isEmpty()) {
                    unit = p.path("format").asString("");
                }
                if (thresholds.isEmpty()) {
                    thresholds = legacySinglestat(p.path("thresholds").asString(""), p.path("colors"));
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

    private static Thresholds.Display display(String mode) {
        return switch (mode) {
            case "line", "dashed" -> Thresholds.Display.LINE;
            case "area" -> Thresholds.Display.AREA;
            case "line+area", "dashed+area" -> Thresholds.Display.LINE_AND_AREA;
            default -> Thresholds.Display.OFF;
        };
    }

    private static Thresholds legacyGraph(JsonNode list) {
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

    private static Thresholds legacySinglestat(String csv, JsonNode colors) {
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
}
