package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.DataOrigin;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.PanelSources.Feed;

import java.util.List;

import static io.vigia.dashboards.builtin.Builder.daily;
import static io.vigia.dashboards.builtin.Builder.instant;
import static io.vigia.dashboards.builtin.Builder.q;
import static io.vigia.dashboards.builtin.Builder.reportStatQueries;
import static io.vigia.dashboards.builtin.Builder.statQueries;
import static io.vigia.dashboards.builtin.UsageQueries.COMPLETIONS;
import static io.vigia.dashboards.builtin.UsageQueries.CONTRACT;
import static io.vigia.dashboards.builtin.UsageQueries.TEAMS_NEED;
import static io.vigia.dashboards.builtin.UsageQueries.TEAM_NOTE;
import static io.vigia.dashboards.builtin.UsageQueries.dailyRatio;
import static io.vigia.dashboards.builtin.UsageQueries.day;
import static io.vigia.dashboards.builtin.UsageQueries.editAcceptance;
import static io.vigia.dashboards.builtin.UsageQueries.range;
import static io.vigia.dashboards.builtin.UsageQueries.ratio;

/**
 * Copilot Health: how suggestions are accepted, flagged, reverted and blocked. Each Copilot panel
 * draws from whichever source the workspace has, in this order: Vigia's contract
 * ({@code vigia_copilot_*}, from a live exporter, the simulator or a legacy-API import), GitHub's
 * usage reports ({@code github_copilot_usage_*}), then the assistants' OpenTelemetry
 * ({@code vigia_assistant_*}); a panel a source cannot feed says what would. The contract's queries
 * leave out the counters {@code vigia import copilot} derives from usage reports, which the
 * usage-report queries read at their own grain (per editor across features, as GitHub gives it).
 * The guardrail panels are written against the guardrail binding ({@code @guard.*}, see
 * docs/bindings.md), resolved per source. Every query is in docs/telemetry.md.
 */
final class CopilotHealthDashboard {
    private static final String ACCEPTED = "vigia_copilot_suggestions_accepted_total" + CONTRACT;
    private static final String SHOWN = "vigia_copilot_suggestions_shown_total" + CONTRACT;
    private static final String SAST = "vigia_copilot_accepted_with_sast_findings_total";
    private static final String MF = "model_feature_";
    private static final String GEN = "code_generation_activity_count";
    private static final String ACC = "code_acceptance_activity_count";

    private static final Feed CONTRACT_FEED = Feed.of(DataOrigin.VIGIA_CONTRACT);
    private static final Feed USAGE = Feed.of(DataOrigin.GITHUB_USAGE_REPORTS);
    private static final Feed OTEL = Feed.of(DataOrigin.ASSISTANT_OTEL);
    private static final Feed USAGE_COMPLETIONS = USAGE.withNote("code completions: accepted over generated activities");
    private static final Feed OTEL_EDITS = OTEL.withNote("edits accepted over accepted and rejected (no inline completions)");
    private static final Feed USAGE_TEAMS = USAGE.withNeeds(TEAMS_NEED).withNote(TEAM_NOTE);
    private static final String SAST_NEEDS = "SARIF findings and accepted suggestions (vigia import sarif --suggestions), with "
            + "accepted suggestions counted by GitHub usage reports, the assistants' OTLP or Vigia's contract";
    private static final Feed SAST_CONTRACT = new Feed(List.of(DataOrigin.SARIF, DataOrigin.VIGIA_CONTRACT), SAST_NEEDS, "");
    private static final Feed SAST_USAGE = new Feed(List.of(DataOrigin.SARIF, DataOrigin.GITHUB_USAGE_REPORTS), SAST_NEEDS,
            "per 1,000 code acceptance activities of every feature");
    private static final Feed SAST_OTEL = new Feed(List.of(DataOrigin.SARIF, DataOrigin.ASSISTANT_OTEL), SAST_NEEDS,
            "per 1,000 accepted edits");
    private static final String LIVE_ONLY = "Vigia's contract from a live exporter (an AI gateway or IDE plug-in): neither "
            + "GitHub's usage reports nor the assistants' OpenTelemetry say what was reverted";

    private CopilotHealthDashboard() {
    }

    static Dashboard build() {
        Builder b = new Builder();
        b.stat("Acceptance rate", "percentunit", KpiDirection.HIGHER_IS_BETTER,
                "sum(increase(" + ACCEPTED + "[$__range])) / sum(increase(" + SHOWN + "[$__range]))")
                .from(CONTRACT_FEED)
                .or(USAGE_COMPLETIONS, reportStatQueries(ratio("", MF + ACC + COMPLETIONS, MF + GEN + COMPLETIONS)))
                .or(OTEL_EDITS, statQueries(editAcceptance("", "$__range")));
        b.stat("Acceptance rate by lines", "percentunit", KpiDirection.HIGHER_IS_BETTER,
                "sum(increase(vigia_copilot_lines_accepted_total" + CONTRACT + "[$__range])) / sum(increase(vigia_copilot_lines_suggested_total"
                        + CONTRACT + "[$__range]))")
                .from(CONTRACT_FEED)
                .or(USAGE.withNote("code completions: lines added over lines suggested"),
                        reportStatQueries(ratio("", MF + "loc_added_sum" + COMPLETIONS, MF + "loc_suggested_to_add_sum" + COMPLETIONS)));
        b.stat("SAST-flagged per 1,000 accepted", "short", KpiDirection.LOWER_IS_BETTER,
                "1000 * sum(increase(" + SAST + "[$__range])) / sum(increase(" + ACCEPTED + "[$__range]))")
                .from(SAST_CONTRACT)
                .or(SAST_USAGE, reportStatQueries("1000 * sum(increase(" + SAST + "[$__range])) / sum(" + range(ACC) + ")"))
                .or(SAST_OTEL, statQueries("1000 * sum(increase(" + SAST + "[$__range])) / sum(increase(" + UsageQueries.ACCEPTED_EDITS
                        + "[$__range]))"));
        b.stat("Reverted share of accepted", "percentunit", KpiDirection.LOWER_IS_BETTER,
                "sum(increase(vigia_copilot_suggestions_reverted_total[$__range])) / sum(increase(" + ACCEPTED + "[$__range]))")
                .from(CONTRACT_FEED.withNeeds(LIVE_ONLY));
        b.stat("Prompts blocked", "short", KpiDirection.NEUTRAL,
                "sum(increase(" + Builder.GUARD + "{decision=\"blocked\",direction=\"input\"}[$__range]))")
                .from(Feed.of(DataOrigin.GUARDRAIL_DECISIONS));
        b.stat("Active users", "short", KpiDirection.HIGHER_IS_BETTER, "sum(vigia_copilot_active_users" + CONTRACT + ")")
                .from(CONTRACT_FEED)
                .or(USAGE.withNote("the last day's daily active users (never added over days)"),
                        reportStatQueries("max(last_over_time(" + UsageQueries.P + "daily_active_users[$__range]))"));
        b.row(8);
        b.timeSeries("Acceptance rate by team (trailing 24 h)", "percentunit", 12,
                q("A", "sum by (team) (increase(" + ACCEPTED + "[1d])) / sum by (team) (increase(" + SHOWN + "[1d]))", "{{team}}"))
                .from(CONTRACT_FEED)
                .or(USAGE_TEAMS.withNote(TEAM_NOTE + "; code completions per UTC day"),
                        daily("A", dailyRatio("team", "team_" + MF + ACC + COMPLETIONS, "team_" + MF + GEN + COMPLETIONS), "{{team}}"));
        b.timeSeries("Acceptance rate by model (trailing 24 h)", "percentunit", 12,
                q("A", "sum by (model) (increase(" + ACCEPTED + "[1d])) / sum by (model) (increase(" + SHOWN + "[1d]))", "{{model}}"))
                .from(CONTRACT_FEED)
                .or(USAGE.withNote("code completions per UTC day"),
                        daily("A", dailyRatio("model", MF + ACC + COMPLETIONS, MF + GEN + COMPLETIONS), "{{model}}"));
        b.row(8);
        b.bars("Acceptance by language", "percentunit", 8,
                instant("A", "sum by (language) (increase(" + ACCEPTED + "[$__range])) / sum by (language) (increase(" + SHOWN + "[$__range]))", "{{language}}"))
                .from(CONTRACT_FEED)
                .or(USAGE_COMPLETIONS, instant("A", ratio("language", "language_feature_" + ACC + COMPLETIONS,
                        "language_feature_" + GEN + COMPLETIONS), "{{language}}"))
                .or(OTEL_EDITS, instant("A", editAcceptance("language", "$__range"), "{{language}}"));
        b.bars("Acceptance by editor", "percentunit", 8,
                instant("A", "sum by (editor) (increase(" + ACCEPTED + "[$__range])) / sum by (editor) (increase(" + SHOWN + "[$__range]))", "{{editor}}"))
                .from(CONTRACT_FEED)
                .or(USAGE.withNote("every feature: GitHub does not break editors down by feature"),
                        instant("A", ratio("ide", "ide_" + ACC, "ide_" + GEN), "{{ide}}"));
        b.timeSeries("SAST-flagged per 1,000 accepted, by severity (trailing 24 h)", "short", 8,
                q("A", "1000 * sum by (severity) (increase(" + SAST + "[1d])) / scalar(sum(increase(" + ACCEPTED + "[1d])))", "{{severity}}"))
                .from(SAST_CONTRACT)
                .or(SAST_USAGE, q("A", "1000 * sum by (severity) (increase(" + SAST + "[1d])) / scalar(sum(" + day(ACC) + "))", "{{severity}}"))
                .or(SAST_OTEL, q("A", "1000 * sum by (severity) (increase(" + SAST + "[1d])) / scalar(sum(increase("
                        + UsageQueries.ACCEPTED_EDITS + "[1d])))", "{{severity}}"));
        b.row(8);
        b.timeSeries("Prompts blocked per hour, by category", "short", 12, Builder.STACKED,
                q("A", "@guard.blocked by=category fn=rate scale=3600", "{{category}}"))
                .from(Feed.of(DataOrigin.GUARDRAIL_DECISIONS));
        b.table("Prompts blocked by category", 12, Builder.OWASP,
                instant("A", "@guard.blocked by=category window=$__range sort=desc", "{{category}}"))
                .from(Feed.of(DataOrigin.GUARDRAIL_DECISIONS));
        b.row(8);
        b.timeSeries("Reverted share of accepted, by model (trailing 24 h)", "percentunit", 7,
                q("A", "sum by (model) (increase(vigia_copilot_suggestions_reverted_total[1d])) / sum by (model) (increase(" + ACCEPTED + "[1d]))", "{{model}}"))
                .from(CONTRACT_FEED.withNeeds(LIVE_ONLY));
        b.table("Input drift status", 10, Builder.DRIFT_STATUS, instant("A", Builder.FEATURE_BUCKET, "{{feature}}"))
                .from(Feed.of(DataOrigin.MODEL_INPUTS));
        b.timeSeries("Active users by team", "short", 7,
                q("A", "sum by (team) (vigia_copilot_active_users" + CONTRACT + ")", "{{team}}"))
                .from(CONTRACT_FEED)
                .or(USAGE_TEAMS.withNote(TEAM_NOTE + "; members with activity per UTC day"),
                        daily("A", "max by (team) (" + day("team_daily_active_users") + ")", "{{team}}"));
        return b.dashboard(BuiltInDashboards.COPILOT_HEALTH, "Copilot Health", "now-7d", List.of("copilot", "built-in"),
                List.of(BuiltInDashboards.deploys(), BuiltInDashboards.missingCopilotDays(), rebaselines()));
    }

    /** Where a scope's history changes source (legacy API → usage reports): one day marked, named by both. */
    static AnnotationSource rebaselines() {
        return new AnnotationSource("Re-baselines", AnnotationSource.Kind.QUERY, "",
                "max by (scope, from, to) (last_over_time(" + UsageQueries.P + "rebaseline[1d]))",
                "re-baseline {{scope}}: {{from}} → {{to}}", "", "rgba(184, 119, 217, 1)", true);
    }
}
