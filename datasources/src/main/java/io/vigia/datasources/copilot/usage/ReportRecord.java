package io.vigia.datasources.copilot.usage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * One record of a usage report as GitHub wrote it, every field included (unknown ones too).
 *
 * @param subject '' for an organization or enterprise day, the user id (or login when the record
 *                has no id), "user id/team id" for a team membership, the repository id
 * @param line    the 1-based line of the file the record starts on (NDJSON: its line), 0 when unknown
 * @param report  the scalar fields of the wrapper the record came in ({@code report_start_day},
 *                {@code report_end_day}, {@code created_at}, ...), empty for bare records
 */
public record ReportRecord(ReportKind kind, LocalDate day, String subject, int line, ObjectNode json, ObjectNode report) {

    /** One line of text for an import preview (names are GitHub's; a view shows them as plain text). */
    public String describe() {
        JsonNode j = json;
        return day + "  " + switch (kind) {
            case ENTITY -> (j.has("organization_id") ? "organization" : "enterprise") + " day: "
                    + j.path("daily_active_users").asString("?") + " daily active users, "
                    + counts(j);
            case USER -> "user " + UsageReportReader.login(j).transform(l -> l.isEmpty() ? subject : l) + ": " + counts(j)
                    + (j.has("ai_credits_used") ? ", " + j.path("ai_credits_used").asString("") + " AI credits" : "");
            case USER_TEAM -> "team " + j.path("slug").asString(j.path("team_id").asString("")) + ": member "
                    + UsageReportReader.login(j).transform(l -> l.isEmpty() ? UsageReportReader.user(j) : l);
            case REPOSITORY -> "repository " + (j.has("repo_owner_name") ? j.path("repo_owner_name").asString("") + "/" : "")
                    + j.path("repo_name").asString(subject) + ": " + j.path("pull_requests").path("total_created").asString("0")
                    + " pull requests created, " + j.path("pull_requests").path("total_created_by_copilot").asString("0") + " by Copilot";
        };
    }

    private static String counts(JsonNode j) {
        return j.path("user_initiated_interaction_count").asString("0") + " interactions, "
                + j.path("code_generation_activity_count").asString("0") + " generations, "
                + j.path("code_acceptance_activity_count").asString("0") + " acceptances";
    }
}
