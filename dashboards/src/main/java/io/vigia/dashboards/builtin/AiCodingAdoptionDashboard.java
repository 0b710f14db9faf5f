package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.DataOrigin;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.PanelSources.Feed;

import java.util.List;

import static io.vigia.dashboards.builtin.Builder.daily;
import static io.vigia.dashboards.builtin.Builder.instant;
import static io.vigia.dashboards.builtin.Builder.reportStatQueries;
import static io.vigia.dashboards.builtin.Builder.statQueries;
import static io.vigia.dashboards.builtin.UsageQueries.COPILOT_ASSISTANTS;
import static io.vigia.dashboards.builtin.UsageQueries.P;
import static io.vigia.dashboards.builtin.UsageQueries.TEAMS_NEED;
import static io.vigia.dashboards.builtin.UsageQueries.TEAM_NOTE;
import static io.vigia.dashboards.builtin.UsageQueries.day;
import static io.vigia.dashboards.builtin.UsageQueries.editAcceptance;
import static io.vigia.dashboards.builtin.UsageQueries.range;
import static io.vigia.dashboards.builtin.UsageQueries.ratio;
import static io.vigia.dashboards.builtin.UsageQueries.sum;

/**
 * AI Coding Adoption: how a workspace's developers use AI coding assistants, from GitHub's Copilot
 * usage reports (modes, editors, models, code review, pull requests, AI credits, agents, teams)
 * and from the assistants' own OpenTelemetry (Copilot Chat, the Copilot CLI, Claude Code), with
 * a reconciliation of the two for the same days. Each panel names its source, or says what would
 * feed it. GitHub's caveats are kept: distinct users are never added over days or teams, teams
 * under five seats are absent from the teams report, a user on several teams counts in each, and
 * stats show no change across a re-baseline. Every query is in docs/telemetry.md.
 */
final class AiCodingAdoptionDashboard {
    private static final String GEN = "code_generation_activity_count";
    private static final String ACC = "code_acceptance_activity_count";
    private static final String LINES = "vigia_assistant_lines_of_code_total";

    private static final Feed USAGE = Feed.of(DataOrigin.GITHUB_USAGE_REPORTS);
    private static final Feed OTEL = Feed.of(DataOrigin.ASSISTANT_OTEL);
    private static final Feed USAGE_TEAMS = USAGE.withNeeds(TEAMS_NEED).withNote(TEAM_NOTE);
    private static final Feed USAGE_USERS = USAGE.withNeeds("GitHub's users report (vigia sync copilot, or Import)");
    private static final Feed USAGE_PULL_REQUESTS = USAGE.withNeeds("GitHub usage reports with pull-request numbers "
            + "(organization or enterprise reports from vigia sync copilot, or Import)");

    private AiCodingAdoptionDashboard() {
    }

    static Dashboard build() {
        Builder b = new Builder();
        b.stat("Daily active users (mean of the days)", "short", KpiDirection.HIGHER_IS_BETTER,
                reportStatQueries("max(avg_over_time(" + P + "daily_active_users[$__range]))"))
                .from(USAGE.withNote("distinct users: the mean of the days' counts, never their sum"));
        b.stat("Monthly active users (28 days)", "short", KpiDirection.HIGHER_IS_BETTER,
                reportStatQueries("max(last_over_time(" + P + "monthly_active_users[$__range]))"))
                .from(USAGE.withNote("GitHub's 28-day count on the range's last day"));
        b.stat("Code acceptance rate (all features)", "percentunit", KpiDirection.HIGHER_IS_BETTER,
                reportStatQueries(ratio("", ACC, GEN)))
                .from(USAGE.withNote("accepted over generated activities"))
                .or(OTEL.withNote("edits accepted over accepted and rejected"), statQueries(editAcceptance("", "$__range")));
        b.stat("Lines added with AI", "short", KpiDirection.NEUTRAL, reportStatQueries("sum(" + range("loc_added_sum") + ")"))
                .from(USAGE)
                .or(OTEL, statQueries("sum(increase(" + LINES + "{type=\"added\"}[$__range]))"));
        b.stat("AI credits used", "short", KpiDirection.NEUTRAL, reportStatQueries("sum(" + range("users_ai_credits_used") + ")"))
                .from(USAGE_USERS);
        b.stat("Code review suggestions applied", "percentunit", KpiDirection.HIGHER_IS_BETTER,
                reportStatQueries(ratio("", "pull_requests_total_copilot_applied_suggestions", "pull_requests_total_copilot_suggestions")))
                .from(USAGE_PULL_REQUESTS.withNote("Copilot code review: applied over suggested"));
        b.row(8);
        b.timeSeries("Code generation by mode per day: completions, chat, agent, CLI", "short", 12, Builder.STACKED,
                daily("A", sum("surface", day("model_feature_" + GEN)), "{{surface}}"))
                .from(USAGE.withNote("code generation activities per UTC day"));
        b.bars("Code generation by model and mode", "short", 12,
                instant("A", sum("model, surface", range("model_feature_" + GEN)), "{{model}} · {{surface}}"))
                .from(USAGE);
        b.row(8);
        b.bars("Code generation and acceptance by IDE", "short", 8, Builder.seriesNames("generated", "accepted"),
                instant("A", sum("ide", range("ide_" + GEN)), "{{ide}}"),
                instant("B", sum("ide", range("ide_" + ACC)), "{{ide}}"))
                .from(USAGE.withNote("every feature: GitHub does not break editors down by feature"));
        b.bars("Acceptance rate by language and model", "percentunit", 8,
                instant("A", ratio("language, model", "language_model_" + ACC, "language_model_" + GEN), "{{language}} · {{model}}"))
                .from(USAGE);
        b.timeSeries("Copilot CLI per day: sessions, requests, prompts", "short", 8,
                daily("A", sum("", day("cli_session_count")), "sessions"),
                daily("B", sum("", day("cli_request_count")), "requests"),
                daily("C", sum("", day("cli_prompt_count")), "prompts"))
                .from(USAGE.withNeeds("GitHub usage reports with Copilot CLI numbers (vigia sync copilot, or Import)"));
        b.row(8);
        b.bars("Copilot code review suggestions by comment type", "short", 8, Builder.seriesNames("suggested", "applied"),
                instant("A", sum("comment_type", range("pull_requests_by_comment_type_total_copilot_suggestions")), "{{comment_type}}"),
                instant("B", sum("comment_type", range("pull_requests_by_comment_type_total_copilot_applied_suggestions")), "{{comment_type}}"))
                .from(USAGE_PULL_REQUESTS.withNeeds("GitHub usage reports with code review by comment type (vigia sync copilot, or Import)"));
        b.bars("SAST findings on accepted suggestions, by severity", "short", 8,
                instant("A", "sum by (severity) (increase(vigia_copilot_accepted_with_sast_findings_total[$__range]))", "{{severity}}"))
                .from(Feed.of(DataOrigin.SARIF));
        b.timeSeries("Pull request merge time, median per day", "s", 8,
                daily("A", "60 * max by (scope) (" + day("pull_requests_median_minutes_to_merge_copilot_authored") + ")",
                        "Copilot-authored {{scope}}"),
                daily("B", "60 * max by (scope) (" + day("pull_requests_median_minutes_to_merge") + ")", "all pull requests {{scope}}"),
                daily("C", "60 * max by (scope) (" + day("pull_requests_median_minutes_to_merge_copilot_reviewed") + ")",
                        "Copilot-reviewed {{scope}}"))
                .from(USAGE_PULL_REQUESTS.withNote("medians per day and scope, never combined; GitHub gives none for the "
                        + "pull requests Copilot did not write, so \"all\" includes Copilot's"));
        b.row(8);
        b.timeSeries("Pull requests per day: Copilot-authored and all", "short", 8,
                daily("A", sum("", day("pull_requests_total_created")), "created"),
                daily("B", sum("", day("pull_requests_total_created_by_copilot")), "created by Copilot"),
                daily("C", sum("", day("pull_requests_total_merged")), "merged"),
                daily("D", sum("", day("pull_requests_total_merged_created_by_copilot")), "merged, created by Copilot"))
                .from(USAGE_PULL_REQUESTS);
        b.timeSeries("AI credits per day", "short", 8, daily("A", sum("", day("users_ai_credits_used")), "AI credits"))
                .from(USAGE_USERS);
        b.bars("AI credits by team", "short", 8, instant("A", sum("team", range("team_ai_credits_used")), "{{team}}"))
                .from(USAGE_TEAMS);
        b.row(8);
        b.bars("Agents compared: Copilot agent mode and third-party agents", "short", 8, Builder.seriesNames("interactions", "sessions"),
                instant("A", sum("agent_name", range("3rd_party_agent_user_initiated_interaction_count"))
                        + " or label_replace(" + sum("", range("feature_user_initiated_interaction_count{surface=\"agent\"}"))
                        + ", \"agent_name\", \"Copilot agent mode\", \"\", \"\")", "{{agent_name}}"),
                instant("B", sum("agent_name", range("3rd_party_agent_session_count")), "{{agent_name}}"))
                .from(USAGE.withNeeds("GitHub usage reports that count agents: third-party agents or Copilot agent mode "
                        + "(vigia sync copilot, or Import)").withNote("third-party agents by GitHub's name; sessions are counted for those only"));
        b.bars("Assistants compared: sessions, accepted edits, lines added", "short", 8,
                Builder.seriesNames("sessions", "accepted edits", "lines added"),
                instant("A", "sum by (assistant) (increase(vigia_assistant_sessions_total[$__range]))", "{{assistant}}"),
                instant("B", "sum by (assistant) (increase(" + UsageQueries.ACCEPTED_EDITS + "[$__range]))", "{{assistant}}"),
                instant("C", "sum by (assistant) (increase(" + LINES + "{type=\"added\"}[$__range]))", "{{assistant}}"))
                .from(OTEL);
        b.bars("Tokens by assistant and model", "short", 8,
                instant("A", "sum by (assistant, model) (increase(vigia_assistant_tokens_total[$__range]))", "{{assistant}} · {{model}}"))
                .from(OTEL);
        b.row(8);
        b.bars("Code generation and acceptance by team", "short", 8, Builder.seriesNames("generated", "accepted"),
                instant("A", sum("team", range("team_" + GEN)), "{{team}}"),
                instant("B", sum("team", range("team_" + ACC)), "{{team}}"))
                .from(USAGE_TEAMS);
        b.timeSeries("Active users by team per day", "short", 8,
                daily("A", "max by (team) (" + day("team_daily_active_users") + ")", "{{team}}"))
                .from(USAGE_TEAMS.withNote(TEAM_NOTE + "; never added over days or teams"));
        b.timeSeries("Team report caveats per day", "short", 8,
                daily("A", "max by (scope) (" + day("team_unattributed_users") + ")", "on no team (teams under five seats are absent) {{scope}}"),
                daily("B", "max by (scope) (" + day("team_multi_team_users") + ")", "on several teams (counted in each) {{scope}}"))
                .from(USAGE_TEAMS.withNote("users of the users report GitHub's teams report leaves out or counts twice"));
        b.row(8);
        b.timeSeries("Reconciliation: lines added per UTC day, usage report vs OpenTelemetry", "short", 12,
                daily("A", RECONCILE_USAGE, "usage report"),
                daily("B", RECONCILE_OTEL, "OpenTelemetry (Copilot Chat, Copilot CLI)"),
                daily("C", "(" + RECONCILE_USAGE + ") - (" + RECONCILE_OTEL + ")", "gap (usage report − OpenTelemetry)"))
                .from(new Feed(List.of(DataOrigin.GITHUB_USAGE_REPORTS, DataOrigin.ASSISTANT_OTEL), "",
                        "each day at its end (00:00 UTC next day); the gap only where both have the day"));
        b.timeSeries("Tokens per day", "short", 12,
                daily("A", sum("", day("cli_token_usage_prompt_tokens_sum")), "Copilot CLI prompt tokens"),
                daily("B", sum("", day("cli_token_usage_output_tokens_sum")), "Copilot CLI output tokens"))
                .from(USAGE.withNote("Copilot CLI only: GitHub counts no tokens elsewhere"))
                .or(OTEL, Builder.q("A", "sum by (assistant, type) (increase(vigia_assistant_tokens_total[1d]))", "{{assistant}} {{type}}"));
        return b.dashboard(BuiltInDashboards.AI_CODING_ADOPTION, "AI Coding Adoption", "now-30d", List.of("copilot", "ai", "built-in"),
                List.of(CopilotHealthDashboard.rebaselines()));
    }

    /** The usage report's lines added on a day, drawn at the day's end (its sample is at the day's 00:00). */
    static final String RECONCILE_USAGE = "sum(last_over_time(" + P + "loc_added_sum[1d] offset 1d))";
    /**
     * The lines Copilot's assistants reported added on a day: their running total at the day's end
     * minus the day before's (the assistant series never go down), exact where {@code increase}
     * would extrapolate.
     */
    static final String RECONCILE_OTEL = "sum(last_over_time(" + LINES + "{type=\"added\"," + COPILOT_ASSISTANTS + "}[30d])) - "
            + "(sum(last_over_time(" + LINES + "{type=\"added\"," + COPILOT_ASSISTANTS + "}[30d] offset 1d)) or vector(0))";
}
