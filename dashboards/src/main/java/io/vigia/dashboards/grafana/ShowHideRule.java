package io.vigia.dashboards.grafana;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A schema v2 show/hide rule ({@code ConditionalRenderingGroupKind}: {@code visibility},
 * {@code condition}, items on a variable's value, on the data, on the time range's size) in words,
 * for the note that says Vigia shows the section or panel regardless.
 */
final class ShowHideRule {
    private ShowHideRule() {
    }

    static String describe(JsonNode rule, String what) {
        JsonNode spec = rule.path("spec");
        List<String> parts = new ArrayList<>();
        for (JsonNode item : spec.path("items")) {
            JsonNode s = item.path("spec");
            parts.add(switch (item.path("kind").asString("")) {
                case "ConditionalRenderingVariable" -> "$" + s.path("variable").asString("") + " "
                        + operator(s.path("operator").asString("")) + " \"" + s.path("value").asString("") + "\"";
                case "ConditionalRenderingData" -> s.path("value").asBoolean(true) ? "it has data" : "it has no data";
                case "ConditionalRenderingTimeRangeSize" -> "the time range is within " + s.path("value").asString("");
                default -> item.path("kind").asString("a rule");
            });
        }
        boolean hide = "hide".equals(spec.path("visibility").asString("show"));
        String join = "or".equals(spec.path("condition").asString("and")) ? " or " : " and ";
        String when = parts.isEmpty() ? "by a rule" : "when " + String.join(join, parts);
        return "Grafana " + (hide ? "hides this " + what + " " : "shows this " + what + " only ") + when + "; Vigia always shows it";
    }

    private static String operator(String op) {
        return switch (op) {
            case "notEquals" -> "is not";
            case "matches" -> "matches";
            case "notMatches" -> "does not match";
            default -> "is";
        };
    }
}
