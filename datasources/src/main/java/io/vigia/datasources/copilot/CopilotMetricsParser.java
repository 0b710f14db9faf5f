package io.vigia.datasources.copilot;

import io.vigia.datasources.copilot.usage.ReportKind;
import io.vigia.datasources.copilot.usage.ReportRecord;
import io.vigia.datasources.copilot.usage.UsageReport;
import io.vigia.datasources.copilot.usage.UsageReportReader;
import tools.jackson.databind.JsonNode;

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
 * {@code /copilot/usage} and {@code /copilot/metrics} arrays, the usage reports (every shape
 * {@link UsageReportReader} reads: organization, enterprise, users, user-teams and repository
 * records, bare or in {@code day_totals}, as JSON or NDJSON), the download-links envelope the
 * report endpoints answer with, and the seats listing. For the usage reports it also sums the
 * days the Copilot Health series come from.
 */
public final class CopilotMetricsParser {
    /** Editor and language of counts a source totals without breaking them down. */
    public static final String UNATTRIBUTED = "unattributed";

    private CopilotMetricsParser() {
    }

    /** What a Copilot document holds. */
    public sealed interface Document {
    }

    /**
     * Days of Copilot usage; for the usage reports also every record read ({@code report}, with the
     * lines left out), from which the days are summed.
     */
    public record Days(CopilotSource source, List<CopilotDay> days, UsageReport report) implements Document {
        public Days {
            days = List.copyOf(days);
        }

        public Days(CopilotSource source, List<CopilotDay> days) {
            this(source, days, UsageReport.EMPTY);
        }
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
        if (UsageReportReader.isNdjson(t)) {
            return usage(scope, UsageReportReader.read(t));
        }
        JsonNode root = UsageReportReader.parse(trimmed);
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
        if (UsageReportReader.isReport(root)) {
            return usage(scope, UsageReportReader.of(root));
        }
        if (root.has("message") && root.has("documentation_url")) {
            throw new CopilotFormatException("a GitHub API error, not metrics: " + root.path("message").asString(""));
        }
        throw new CopilotFormatException("not Copilot metrics: an object without day_totals, download_links or seats");
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
        if (UsageReportReader.isReport(array)) {
            return usage(scope, UsageReportReader.of(array));
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
        return new CopilotDay(scope, day(d, "day"), CopilotSource.USAGE_REPORT, d.path("daily_active_users").asLong(-1), -1,
                chatTurns(d), completionRows(d));
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

    /**
     * The Copilot Health days of a usage report: an organization's or enterprise's day from its own
     * record; where the report has only users' records for a day, their sum (active users: the
     * users listed). Team memberships and repositories add no day.
     */
    private static Days usage(String scope, UsageReport report) {
        List<CopilotDay> days = new ArrayList<>();
        Map<LocalDate, Set<String>> users = new TreeMap<>();
        Map<LocalDate, Long> chat = new TreeMap<>();
        Map<LocalDate, Map<String, CompletionCounts>> byLanguage = new TreeMap<>();
        Set<LocalDate> entityDays = report.entityDays();
        for (ReportRecord r : report.records()) {
            if (r.kind() == ReportKind.ENTITY) {
                days.add(reportDay(scope, r.json()));
            } else if (r.kind() == ReportKind.USER && !entityDays.contains(r.day())) {
                users.computeIfAbsent(r.day(), k -> new HashSet<>()).add(r.subject());
                Map<String, CompletionCounts> langs = byLanguage.computeIfAbsent(r.day(), k -> new LinkedHashMap<>());
                for (CompletionCounts c : completionRows(r.json())) {
                    langs.merge(c.language(), c, CompletionCounts::plus);
                }
                chat.merge(r.day(), chatTurns(r.json()), Long::sum);
            }
        }
        for (Map.Entry<LocalDate, Set<String>> e : users.entrySet()) {
            days.add(new CopilotDay(scope, e.getKey(), CopilotSource.USAGE_REPORT, e.getValue().size(), -1,
                    chat.getOrDefault(e.getKey(), 0L), List.copyOf(byLanguage.get(e.getKey()).values())));
        }
        if (report.records().isEmpty()) {
            throw new CopilotFormatException("no usage-report record could be read" + (report.problems().isEmpty() ? ""
                    : ": " + report.problems().getFirst()));
        }
        return new Days(CopilotSource.USAGE_REPORT, days, report);
    }

    private static long chatTurns(JsonNode d) {
        long chat = 0;
        for (JsonNode f : d.path("totals_by_feature")) {
            if (f.path("feature").asString("").startsWith("chat")) {
                chat += f.path("user_initiated_interaction_count").asLong(0);
            }
        }
        return chat;
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
