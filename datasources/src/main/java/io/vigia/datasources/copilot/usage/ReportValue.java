package io.vigia.datasources.copilot.usage;

/**
 * One value of a report record, as stored in {@code copilot_report_values}: where it sits
 * ({@code breakdown}: '' for the record's own fields, else the object or array path, e.g.
 * {@code totals_by_ide}; {@code dimension}: '' for objects, else the JSON object of the array
 * element's keys, e.g. {@code {"ide":"vscode"}}; {@code field}: the path inside, dots between
 * names, e.g. {@code token_usage.prompt_tokens_sum}) and what it is.
 *
 * @param num  numbers, and booleans as 1 or 0; NaN when the value is not one of those
 * @param text strings, and the JSON of arrays of plain values; null otherwise
 */
public record ReportValue(String breakdown, String dimension, String field, Type type, double num, String text) {

    /** The JSON type of the value. */
    public enum Type {
        NUMBER("number"), BOOLEAN("boolean"), STRING("string"), NULL("null"), ARRAY("array"), OBJECT("object");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Type ofLabel(String label) {
            for (Type t : values()) {
                if (t.label.equals(label)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown value type: " + label);
        }
    }

    public boolean isNumeric() {
        return type == Type.NUMBER || type == Type.BOOLEAN;
    }

    /** The breakdown holding a report's wrapper fields (report_start_day, report_end_day, created_at). */
    public static final String REPORT = "@report";
}
