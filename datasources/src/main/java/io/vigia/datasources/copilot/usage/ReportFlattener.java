package io.vigia.datasources.copilot.usage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a report record into {@link ReportValue}s, every field included, with no knowledge of
 * GitHub's field names, so fields GitHub adds later are kept too: a record's own values have
 * breakdown ''; an object (pull_requests, totals_by_cli) becomes a breakdown of its own; an array
 * of objects (totals_by_ide, pull_requests.copilot_suggestions_by_comment_type) becomes a
 * breakdown whose elements are told apart by their dimension, the element's string fields and
 * {@code *_id} fields ({"ide":"vscode"}, {"agent_id":"2246796","agent_name":"Claude (Anthropic)"});
 * objects inside an element become dotted fields. An element listed twice under the same
 * dimension has its numbers added (GitHub lists each once). {@link ReportRecordRebuilder} turns
 * the values back into the record.
 */
public final class ReportFlattener {
    private ReportFlattener() {
    }

    public static List<ReportValue> flatten(ReportRecord r) {
        Values out = new Values();
        for (Map.Entry<String, JsonNode> e : r.report().properties()) {
            out.put(ReportValue.REPORT, "", FieldPath.escape(e.getKey()), e.getValue());
        }
        object(out, "", null, "", r.json());
        return out.list();
    }

    private static void object(Values out, String breakdown, ObjectNode dims, String prefix, JsonNode obj) {
        String dimension = dims == null ? "" : dims.toString();
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            String name = prefix + FieldPath.escape(e.getKey());
            JsonNode v = e.getValue();
            if (v.isObject() && !v.isEmpty()) {
                if (breakdown.isEmpty() && prefix.isEmpty()) {
                    object(out, name, null, "", v);
                } else {
                    object(out, breakdown, dims, name + ".", v);
                }
            } else if (isArrayOfObjects(v)) {
                array(out, breakdown.isEmpty() ? name : breakdown + "." + name, dims, v);
            } else {
                out.put(breakdown, dimension, name, v);
            }
        }
    }

    private static void array(Values out, String breakdown, ObjectNode parentDims, JsonNode array) {
        for (JsonNode element : array) {
            ObjectNode dims = parentDims == null ? JsonNodeFactory.instance.objectNode() : parentDims.deepCopy();
            ObjectNode rest = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> p : element.properties()) {
                if (isDimension(p.getKey(), p.getValue())) {
                    dims.set(p.getKey(), p.getValue());
                } else {
                    rest.set(p.getKey(), p.getValue());
                }
            }
            object(out, breakdown, dims, "", rest);
            if (rest.properties().stream().allMatch(p -> isArrayOfObjects(p.getValue()))) {
                // an element with no value of its own still says its dimension was there
                out.put(breakdown, dims.toString(), "", JsonNodeFactory.instance.objectNode());
            }
        }
    }

    static boolean isDimension(String key, JsonNode v) {
        return v.isString() || (v.isIntegralNumber() && key.endsWith("_id"));
    }

    private static boolean isArrayOfObjects(JsonNode v) {
        if (!v.isArray() || v.isEmpty()) {
            return false;
        }
        for (JsonNode e : v) {
            if (!e.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** The values of one record, merged by their place. */
    private static final class Values {
        private final Map<String, ReportValue> byPlace = new LinkedHashMap<>();

        void put(String breakdown, String dimension, String field, JsonNode v) {
            ReportValue value = of(breakdown, dimension, field, v);
            byPlace.merge(breakdown + '\u0000' + dimension + '\u0000' + field, value, Values::merge);
        }

        private static ReportValue merge(ReportValue a, ReportValue b) {
            return a.type() == ReportValue.Type.NUMBER && b.type() == ReportValue.Type.NUMBER
                    ? new ReportValue(a.breakdown(), a.dimension(), a.field(), a.type(), a.num() + b.num(), null) : b;
        }

        List<ReportValue> list() {
            return new ArrayList<>(byPlace.values());
        }
    }

    static ReportValue of(String breakdown, String dimension, String field, JsonNode v) {
        if (v.isNumber()) {
            return new ReportValue(breakdown, dimension, field, ReportValue.Type.NUMBER, v.doubleValue(), null);
        }
        if (v.isBoolean()) {
            return new ReportValue(breakdown, dimension, field, ReportValue.Type.BOOLEAN, v.booleanValue() ? 1 : 0, null);
        }
        if (v.isString()) {
            return new ReportValue(breakdown, dimension, field, ReportValue.Type.STRING, Double.NaN, v.asString());
        }
        if (v.isNull() || v.isMissingNode()) {
            return new ReportValue(breakdown, dimension, field, ReportValue.Type.NULL, Double.NaN, null);
        }
        if (v.isObject()) {
            return new ReportValue(breakdown, dimension, field, ReportValue.Type.OBJECT, Double.NaN, v.toString());
        }
        return new ReportValue(breakdown, dimension, field, ReportValue.Type.ARRAY, Double.NaN, v.toString());
    }
}
