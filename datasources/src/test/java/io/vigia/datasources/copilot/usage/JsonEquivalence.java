package io.vigia.datasources.copilot.usage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON compared as the workspace keeps it: numbers by value (24 and 24.0 alike), object keys in
 * any order, array elements in any order.
 */
final class JsonEquivalence {
    private JsonEquivalence() {
    }

    static String canonical(JsonNode n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return normalize(n, f).toString();
    }

    private static JsonNode normalize(JsonNode n, JsonNodeFactory f) {
        if (n.isNumber()) {
            BigDecimal d = n.decimalValue().stripTrailingZeros();
            return f.stringNode("#" + (d.signum() == 0 ? "0" : d.toPlainString()));
        }
        if (n.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                sorted.put(e.getKey(), normalize(e.getValue(), f));
            }
            ObjectNode o = f.objectNode();
            sorted.forEach(o::set);
            return o;
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(e -> items.add(normalize(e, f).toString()));
            items.sort(null);
            ArrayNode a = f.arrayNode();
            items.forEach(a::add);
            return a;
        }
        return n;
    }
}
