package io.vigia.datasources.copilot;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads every format GitHub has served Copilot metrics in, recognised by content: the legacy
 * {@code /copilot/usage} and {@code /copilot/metrics} arrays, the usage reports (an organization
 * report with {@code day_totals}, a flat 1-day object, per-user reports as JSON or NDJSON), the
 * download-links envelope the report endpoints answer with, and the seats listing.
 */
public final class CopilotMetricsParser {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Editor and language of counts a source totals without breaking them down. */
    public static final String UNATTRIBUTED = "unattributed";

    private CopilotMetricsParser() {
    }

    /** What a Copilot document holds. */
    public sealed interface Document {
    }

    public record Days(CopilotSource source, List<CopilotDay> days) implements Document {
    }

    public record DownloadLinks(List<String> links, String reportStartDay, String reportEndDay) implements Document {
    }

    public record Seat(String login, String team, String editor, String planType, Instant lastActivityAt) {
    }

    public record Seats(int totalSeats, List<Seat> seats) implements Document {
    }

    /**
     * @param scope the organization, enterprise or team the data belongs to (a label on the series)
     * @throws CopilotFormatException naming what is wrong when the text is none of the formats
     */
    public static Document parse(String scope, String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String trimmed = t.strip();
        if (trimmed.isEmpty()) {
            throw new CopilotFormatException("empty document: no Copilot metrics in it");
        }
        if (trimmed.startsWith("{") && looksLikeNdjson(trimmed)) {
            return userRecords(scope, ndjson(trimmed));
        }
        JsonNode root = read(trimmed, 0);
        if (root.isArray()) {
            return legacyArray(scope, root);
        }
        if (!root.isObject()) {
            throw new CopilotFormatException("not Copilot metrics: expected a JSON object or array");
        }
        if (root.has("download_links")) {
            List<String> links = new ArrayList<>();
            root.path("download_links").forEach(l -> links.add(l.asString("")));
            return new DownloadLinks(links, root.path("report_start_day").asString(root.path("report_day").asString("")),
                    root.path("report_end_day").asString(root.path("report_day").asString("")));
        }
        if (root.has("seats") && root.has("total_seats")) {
            return seats(root);
        }
        if (root.has("day_totals")) {
            JsonNode totals = root.path("day_totals");
            List<JsonNode> records = new ArrayList<>();
            totals.forEach(records::add);
            if (!records.isEmpty() && records.getFirst().has("user_login")) {
                return userRecords(scope, records);
            }
            List<CopilotDay> days = new ArrayList<>();
            for (JsonNode d : records) {
                days.add(reportDay(scope, d));
            }
            return new Days(CopilotSource.USAGE_REPORT, days);
        }
        if (root.has("day") && root.has("code_generation_activity_count")) {
            return root.has("user_login") ? userRecords(scope, List.of(root))
                    : new Days(CopilotSource.USAGE_REPORT, List.of(reportDay(scope, root)));
        }
        if (root.has("message") && root.has("documentation_url")) {
            throw new CopilotFormatException("a GitHub API error, not metrics: " + root.path("message").asString(""));
        }
        throw new CopilotFormatException("not Copilot metrics: an object without day_totals, download_links or seats");
    }

    private static JsonNode read(String text, int line) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + (line > 0 ? line : e.getLocation().getLineNr())
                    + ", column " + e.getLocation().getColumnNr();
            throw new CopilotFormatException("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static boolean looksLikeNdjson(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.substring(0, nl).strip().endsWith("}") && text.substring(nl).strip().startsWith("{");
    }

    private static List<JsonNode> ndjson(String text) {
        List<JsonNode> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            if (!line.isBlank()) {
                out.add(read(line, lineNo));
            }
        }
        return out;
    }

    // ---- legacy arrays -----------------------------------------------------------------------

    private static Days legacyArray(String scope, JsonNode array) {
        if (array.isEmpty()) {
            return new Days(CopilotSource.LEGACY_METRICS, List.of());
        }
        JsonNode first = array.get(0);
        if (first.has("date")) {
            List<CopilotDay> days = new ArrayList<>();
            for (JsonNode d : array) {
                days.add(metricsDay(scope, d));
            }
            return new Days(CopilotSource.LEGACY_METRICS, days);
        }
        if (first.has("day") && (first.has("total_suggestions_count") || first.has("breakdown"))) {
            List<CopilotDay> days = new ArrayList<>();
            for (JsonNode d : array) {
                days.add(usageDay(scope, d));
            }
            return new Days(CopilotSource.LEGACY_USAGE, days);
        }
        throw new CopilotFormatException("not Copilot metrics: an array whose records have neither \"date\" nor \"day\"");
    }

    /** {@code /copilot/metrics}: counts under editors[].models[].languages[]. */
    private static CopilotDay metricsDay(String scope, JsonNode d) {
        List<CompletionCounts> rows = new ArrayList<>();
        for (JsonNode editor : d.path("copilot_ide_code_completions").path("editors")) {
            for (JsonNode model : editor.path("models")) {
                for (JsonNode lang : model.path("languages")) {
                    rows.add(new CompletionCounts(editor.path("name").asString(""), lang.path("name").asString(""),
                            model.path("name").asString(""), lang.path("total_code_suggestions").asLong(0),
                            lang.path("total_code_acceptances").asLong(0), lang.path("total_code_lines_suggested").asLong(0),
                            lang.path("total_code_lines_accepted").asLong(0)));
                }
            }
        }
        long chats = 0;
        for (JsonNode editor : d.path("copilot_ide_chat").path("editors")) {
            for (JsonNode model : editor.path("models")) {
                chats += model.path("total_chats").asLong(0);
            }
        }
        for (JsonNode model : d.path("copilot_dotcom_chat").path("models")) {
            chats += model.path("total_chats").asLong(0);
        }
        return new CopilotDay(scope, day(d, "date"), CopilotSource.LEGACY_METRICS, d.path("total_active_users").asLong(-1),
                d.path("total_engaged_users").asLong(-1), chats, rows);
    }

    /** {@code /copilot/usage}: a breakdown by language and editor, or only totals. */
    private static CopilotDay usageDay(String scope, JsonNode d) {
        List<CompletionCounts> rows = new ArrayList<>();
        for (JsonNode b : d.path("breakdown")) {
            rows.add(new CompletionCounts(b.path("editor").asString(""), b.path("language").asString(""), "",
                    b.path("suggestions_count").asLong(0), b.path("acceptances_count").asLong(0),
                    b.path("lines_suggested").asLong(0), b.path("lines_accepted").asLong(0)));
        }
        // the breakdown does not always add up to the day's totals (the viewer's sample is short by a
        // dozen suggestions on some days): the remainder is kept as an explicit unattributed cell
        CompletionCounts listed = new CompletionCounts("", "", "", 0, 0, 0, 0);
        for (CompletionCounts c : rows) {
            listed = listed.plus(c);
        }
        CompletionCounts rest = new CompletionCounts(UNATTRIBUTED, UNATTRIBUTED, "",
                Math.max(0, d.path("total_suggestions_count").asLong(0) - listed.suggestions()),
                Math.max(0, d.path("total_acceptances_count").asLong(0) - listed.acceptances()),
                Math.max(0, d.path("total_lines_suggested").asLong(0) - listed.linesSuggested()),
                Math.max(0, d.path("total_lines_accepted").asLong(0) - listed.linesAccepted()));
        if (rest.suggestions() + rest.acceptances() + rest.linesSuggested() + rest.linesAccepted() > 0) {
            rows.add(rows.isEmpty() ? new CompletionCounts("", "", "", rest.suggestions(), rest.acceptances(),
                    rest.linesSuggested(), rest.linesAccepted()) : rest);
        }
        return new CopilotDay(scope, day(d, "day"), CopilotSource.LEGACY_USAGE, d.path("total_active_users").asLong(-1), -1,
                d.path("total_chat_turns").asLong(0), rows);
    }

    // ---- usage reports -----------------------------------------------------------------------

    /**
     * One organization day of a usage report. Completion counts are those of the
     * {@code code_completion} feature by language, as copilot-metrics-viewer maps them: the
     * report's other totals include chat, agents and the CLI.
     */
    private static CopilotDay reportDay(String scope, JsonNode d) {
        List<CompletionCounts> rows = completionRows(d);
        long chat = 0;
        for (JsonNode f : d.path("totals_by_feature")) {
            if (f.path("feature").asString("").startsWith("chat")) {
                chat += f.path("user_initiated_interaction_count").asLong(0);
            }
        }
        return new CopilotDay(scope, day(d, "day"), CopilotSource.USAGE_REPORT, d.path("daily_active_users").asLong(-1), -1,
                chat, rows);
    }

    private static List<CompletionCounts> completionRows(JsonNode d) {
        List<CompletionCounts> rows = new ArrayList<>();
        for (JsonNode lf : d.path("totals_by_language_feature")) {
            if ("code_completion".equals(lf.path("feature").asString(""))) {
                rows.add(reportCounts(lf.path("language").asString(""), lf));
            }
        }
        if (rows.isEmpty()) {
            for (JsonNode f : d.path("totals_by_feature")) {
                if ("code_completion".equals(f.path("feature").asString(""))) {
                    rows.add(reportCounts("", f));
                }
            }
        }
        return rows;
    }

    private static CompletionCounts reportCounts(String language, JsonNode n) {
        return new CompletionCounts("", language, "", n.path("code_generation_activity_count").asLong(0),
                n.path("code_acceptance_activity_count").asLong(0), n.path("loc_suggested_to_add_sum").asLong(0),
                n.path("loc_added_sum").asLong(0));
    }

    /** Per-user records (NDJSON or a users report) summed per day; active users are the users seen. */
    private static Days userRecords(String scope, List<JsonNode> records) {
        Map<LocalDate, Set<String>> users = new TreeMap<>();
        Map<LocalDate, Long> chat = new TreeMap<>();
        Map<LocalDate, Map<String, CompletionCounts>> byLanguage = new TreeMap<>();
        for (JsonNode r : records) {
            if (!r.has("user_login") && !r.has("user_id")) {
                throw new CopilotFormatException("a per-user report line without user_login or user_id");
            }
            LocalDate day = day(r, "day");
            users.computeIfAbsent(day, k -> new HashSet<>()).add(r.path("user_login").asString(r.path("user_id").asString("")));
            Map<String, CompletionCounts> langs = byLanguage.computeIfAbsent(day, k -> new LinkedHashMap<>());
            for (CompletionCounts c : completionRows(r)) {
                langs.merge(c.language(), c, CompletionCounts::plus);
            }
            for (JsonNode f : r.path("totals_by_feature")) {
                if (f.path("feature").asString("").startsWith("chat")) {
                    chat.merge(day, f.path("user_initiated_interaction_count").asLong(0), Long::sum);
                }
            }
        }
        List<CopilotDay> days = new ArrayList<>();
        for (Map.Entry<LocalDate, Set<String>> e : users.entrySet()) {
            days.add(new CopilotDay(scope, e.getKey(), CopilotSource.USAGE_REPORT, e.getValue().size(), -1,
                    chat.getOrDefault(e.getKey(), 0L), List.copyOf(byLanguage.get(e.getKey()).values())));
        }
        return new Days(CopilotSource.USAGE_REPORT, days);
    }

    private static Seats seats(JsonNode root) {
        List<Seat> seats = new ArrayList<>();
        for (JsonNode s : root.path("seats")) {
            String last = s.path("last_activity_at").asString("");
            Instant lastActivity = null;
            if (!last.isEmpty()) {
                try {
                    lastActivity = Instant.parse(last);
                } catch (DateTimeParseException e) {
                    try {
                        lastActivity = java.time.OffsetDateTime.parse(last).toInstant();
                    } catch (DateTimeParseException e2) {
                        throw new CopilotFormatException("seat with an invalid last_activity_at \""
                                + (last.length() > 40 ? last.substring(0, 40) + "…" : last) + "\" (expected an ISO 8601 time)");
                    }
                }
            }
            seats.add(new Seat(s.path("assignee").path("login").asString(""), s.path("assigning_team").path("slug").asString(""),
                    s.path("last_activity_editor").asString(""), s.path("plan_type").asString(""), lastActivity));
        }
        return new Seats(root.path("total_seats").asInt(seats.size()), seats);
    }

    private static LocalDate day(JsonNode d, String field) {
        String s = d.path(field).asString("");
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new CopilotFormatException("record with an invalid " + field + " \"" + s + "\" (expected YYYY-MM-DD)");
        }
    }
}
