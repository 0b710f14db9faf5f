package io.vigia.datasources.copilot.usage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The record a list of {@link ReportValue}s came from ({@link ReportFlattener} in reverse): what
 * the workspace stores is GitHub's record, field for field, except the order of array elements
 * and numbers written as decimals (24 comes back as 24, 4400.0 as 4400). The wrapper's fields
 * ({@link ReportValue#REPORT}) are left out.
 */
public final class ReportRecordRebuilder {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportRecordRebuilder() {
    }

    public static ObjectNode rebuild(List<ReportValue> values) {
        ObjectNode root = NODES.objectNode();
        Map<String, ObjectNode> elements = new HashMap<>();
        List<ReportValue> ordered = values.stream().filter(v -> !v.breakdown().equals(ReportValue.REPORT))
                .sorted(Comparator.comparingInt((ReportValue v) -> FieldPath.split(v.breakdown()).size())).toList();
        for (ReportValue v : ordered) {
            ObjectNode container = container(root, elements, v.breakdown(), v.dimension());
            if (!v.field().isEmpty()) {
                set(container, FieldPath.split(v.field()), json(v));
            }
        }
        return root;
    }

    private static ObjectNode container(ObjectNode root, Map<String, ObjectNode> elements, String breakdown, String dimension) {
        if (breakdown.isEmpty()) {
            return root;
        }
        if (dimension.isEmpty()) {
            return objectAt(root, FieldPath.split(breakdown));
        }
        String key = breakdown + '\u0000' + dimension;
        ObjectNode element = elements.get(key);
        if (element != null) {
            return element;
        }
        ObjectNode dims = (ObjectNode) parse(dimension);
        List<String> names = FieldPath.split(breakdown);
        String arrayName = names.getLast();
        String parentPath = FieldPath.parent(breakdown);
        ObjectNode parent = root;
        ObjectNode parentDims = NODES.objectNode();
        if (!parentPath.isEmpty()) {
            ObjectNode owner = ownerElement(elements, parentPath, dims);
            if (owner != null) {
                parent = owner;
                parentDims = (ObjectNode) parse(dimensionOf(elements, owner));
            } else {
                parent = objectAt(root, FieldPath.split(parentPath));
            }
        }
        element = NODES.objectNode();
        for (Map.Entry<String, JsonNode> d : dims.properties()) {
            if (!d.getValue().equals(parentDims.get(d.getKey()))) {
                element.set(d.getKey(), d.getValue());
            }
        }
        JsonNode existing = parent.get(arrayName);
        ArrayNode array = existing instanceof ArrayNode a ? a : parent.putArray(arrayName);
        array.add(element);
        elements.put(key, element);
        return element;
    }

    /** The element of the parent array breakdown whose dimension the child's dimension extends the most. */
    private static ObjectNode ownerElement(Map<String, ObjectNode> elements, String parentPath, ObjectNode childDims) {
        ObjectNode best = null;
        int bestKeys = -1;
        for (Map.Entry<String, ObjectNode> e : elements.entrySet()) {
            int sep = e.getKey().indexOf('\u0000');
            if (!e.getKey().substring(0, sep).equals(parentPath)) {
                continue;
            }
            ObjectNode dims = (ObjectNode) parse(e.getKey().substring(sep + 1));
            boolean contained = true;
            for (Map.Entry<String, JsonNode> d : dims.properties()) {
                contained &= d.getValue().equals(childDims.get(d.getKey()));
            }
            if (contained && dims.size() > bestKeys) {
                best = e.getValue();
                bestKeys = dims.size();
            }
        }
        return best;
    }

    private static String dimensionOf(Map<String, ObjectNode> elements, ObjectNode element) {
        for (Map.Entry<String, ObjectNode> e : elements.entrySet()) {
            if (e.getValue() == element) {
                return e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
            }
        }
        return "{}";
    }

    private static ObjectNode objectAt(ObjectNode root, List<String> names) {
        ObjectNode cur = root;
        for (String n : names) {
            JsonNode next = cur.get(n);
            cur = next instanceof ObjectNode o ? o : cur.putObject(n);
        }
        return cur;
    }

    private static void set(ObjectNode container, List<String> names, JsonNode value) {
        ObjectNode cur = objectAt(container, names.subList(0, names.size() - 1));
        cur.set(names.getLast(), value);
    }

    static JsonNode json(ReportValue v) {
        return switch (v.type()) {
            case NUMBER -> v.num() == Math.rint(v.num()) && Math.abs(v.num()) < 9.007199254740992E15
                    ? NODES.numberNode((long) v.num()) : NODES.numberNode(v.num());
            case BOOLEAN -> NODES.booleanNode(v.num() != 0);
            case STRING -> NODES.stringNode(v.text());
            case NULL -> NODES.nullNode();
            case ARRAY, OBJECT -> parse(v.text());
        };
    }

    private static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
