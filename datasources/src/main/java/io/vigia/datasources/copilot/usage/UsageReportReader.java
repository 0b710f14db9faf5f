package io.vigia.datasources.copilot.usage;

import io.vigia.datasources.copilot.CopilotFormatException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Copilot usage-report file in any of the shapes it comes in: a JSON object, a JSON array
 * of records, or NDJSON (one JSON value a line, as the files behind the report endpoints'
 * {@code download_links} are); each value either a bare day record or a wrapper holding the
 * records in {@code day_totals} (the 28-day reports, github/docs copilot-usage-metrics.md
 * "28-day report fields") or {@code user_totals}. GitHub's example schema
 * (github/docs example-schema.md) is an array of such wrappers.
 *
 * <p>Every field is kept, unknown ones too. In NDJSON a line that cannot be read (a download cut
 * short leaves a truncated last line) is reported with its number and the other lines are kept;
 * any other file must be valid JSON as a whole.
 */
public final class UsageReportReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> WRAPPED = List.of("day_totals", "user_totals");
    private static final List<String> REPORT_FIELDS = List.of("code_generation_activity_count", "user_initiated_interaction_count",
            "daily_active_users", "team_id", "repo_id", "user_id", "user_login", "login", "pull_requests", "totals_by_ide", "ai_credits_used");

    private UsageReportReader() {
    }

    /** @throws CopilotFormatException when the file is neither NDJSON nor valid JSON */
    public static UsageReport read(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.isBlank()) {
            throw new CopilotFormatException("empty document: no Copilot metrics in it");
        }
        Collector out = new Collector();
        if (isNdjson(t)) {
            String[] lines = t.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    out.line(lines[i], i + 1);
                }
            }
        } else {
            out.value(parse(t), 0);
        }
        return new UsageReport(out.records, out.problems);
    }

    /** The records of an already parsed JSON object or array (not NDJSON). */
    public static UsageReport of(JsonNode root) {
        Collector out = new Collector();
        out.value(root, 0);
        return new UsageReport(out.records, out.problems);
    }

    /** True for text of more than one line whose first line is a complete JSON object: NDJSON. */
    public static boolean isNdjson(String text) {
        String[] lines = text.strip().split("\r?\n", 2);
        if (lines.length < 2 || !lines[0].strip().startsWith("{")) {
            return false;
        }
        try {
            return JSON.readTree(lines[0]).isObject();
        } catch (JacksonException e) {
            return false;
        }
    }

    /** Whether a parsed JSON value is a usage report (wrapper or record, or an array of them) rather than a legacy file. */
    public static boolean isReport(JsonNode root) {
        if (root.isArray()) {
            return !root.isEmpty() && root.get(0).isObject() && isReport(root.get(0));
        }
        if (!root.isObject()) {
            return false;
        }
        for (String w : WRAPPED) {
            if (root.path(w).isArray()) {
                return true;
            }
        }
        return root.has("day") && REPORT_FIELDS.stream().anyMatch(root::has);
    }

    /** @throws CopilotFormatException naming the line and column where the JSON breaks */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new CopilotFormatException("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /** Sorts values into records and problems. */
    private static final class Collector {
        final List<ReportRecord> records = new ArrayList<>();
        final List<UsageReport.Problem> problems = new ArrayList<>();

        void line(String line, int number) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                problems.add(new UsageReport.Problem(number, "not a complete JSON record (" + e.getOriginalMessage()
                        + "); a download cut short leaves its last line like this"));
                return;
            }
            value(node, number);
        }

        void value(JsonNode node, int line) {
            if (node.isArray()) {
                int i = 0;
                for (JsonNode element : node) {
                    i++;
                    if (element.isObject()) {
                        object((ObjectNode) element, line, "record " + i + " of the array: ");
                    } else {
                        problems.add(new UsageReport.Problem(line, "record " + i + " of the array is not a JSON object"));
                    }
                }
            } else if (node.isObject()) {
                object((ObjectNode) node, line, "");
            } else {
                problems.add(new UsageReport.Problem(line, "not a JSON object"));
            }
        }

        private void object(ObjectNode node, int line, String where) {
            if (node.has("download_links") || node.has("seats")) {
                problems.add(new UsageReport.Problem(line, where + "GitHub's download links or seat list, not report records"));
                return;
            }
            boolean wrapper = false;
            for (String w : WRAPPED) {
                if (node.path(w).isArray()) {
                    wrapper = true;
                    ObjectNode report = scalars(node);
                    for (JsonNode r : node.path(w)) {
                        record(r, line, report, where);
                    }
                }
            }
            if (!wrapper) {
                record(node, line, JsonNodeFactory.instance.objectNode(), where);
            }
        }

        private void record(JsonNode node, int line, ObjectNode report, String where) {
            if (!node.isObject()) {
                problems.add(new UsageReport.Problem(line, where + "a day_totals entry that is not a JSON object"));
                return;
            }
            LocalDate day = day(node);
            if (day == null) {
                String shown = node.path("day").asString("");
                problems.add(new UsageReport.Problem(line, where + "a record without a valid day" + (shown.isEmpty() ? ""
                        : " (\"" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + "\", expected YYYY-MM-DD)")));
                return;
            }
            ReportKind kind = kind(node);
            records.add(new ReportRecord(kind, day, subject(kind, node), line, (ObjectNode) node, report));
        }
    }

    private static ObjectNode scalars(ObjectNode wrapper) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : wrapper.properties()) {
            if (!e.getValue().isContainer()) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static LocalDate day(JsonNode node) {
        String s = node.path("day").asString("");
        if (s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ReportKind kind(JsonNode n) {
        boolean user = n.has("user_id") || n.has("user_login") || n.has("login");
        if (n.has("team_id") && user) {
            return ReportKind.USER_TEAM;
        }
        if (n.has("repo_id")) {
            return ReportKind.REPOSITORY;
        }
        if (user) {
            return ReportKind.USER;
        }
        return ReportKind.ENTITY;
    }

    private static String subject(ReportKind kind, JsonNode n) {
        return switch (kind) {
            case ENTITY -> "";
            case USER -> user(n);
            case USER_TEAM -> user(n) + "/" + n.path("team_id").asString("");
            case REPOSITORY -> n.path("repo_id").asString("");
        };
    }

    /** The user id, stable across renames; the login ({@code user_login}, or {@code login}) when a record has no id. */
    static String user(JsonNode n) {
        String id = n.path("user_id").asString("");
        return id.isEmpty() ? login(n) : id;
    }

    static String login(JsonNode n) {
        return n.path("user_login").asString(n.path("login").asString(""));
    }
}
