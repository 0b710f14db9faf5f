package io.vigia.datasources.copilot.usage;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.imports.FileImporter;
import io.vigia.datasources.imports.ImportDetector;
import io.vigia.datasources.imports.ImportKind;
import io.vigia.datasources.imports.ImportProgress;
import io.vigia.datasources.imports.ImportReport;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The corpus's usage-report files imported into fresh workspaces through the one import path of
 * the CLI and the app ({@link FileImporter}): every field stored, the derived series readable by
 * the embedded PromQL engine. Expected numbers are read off the corpus JSON by hand (cited per
 * assertion), not computed by the code under test.
 */
class CopilotUsageImportTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir", "../shared"), "corpus", "copilot-metrics");
    private static final String ORG = "cmv-newapi-organization-1-day-report.json";
    private static final String USERS = "cmv-newapi-organization-users-1-day-report.json";
    private static final LocalDate DAY = LocalDate.of(2026, 4, 25);
    private static final Instant AT = Instant.parse("2026-04-25T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void importingEachCorpusReportStoresEveryFieldOfEveryRecord() throws Exception {
        for (String file : List.of(ORG, USERS)) {
            try (Workspace ws = Workspace.open(dir.resolve(file + ".vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
                ImportReport r = new FileImporter(ws, store).importFile(DIR.resolve(file), ImportKind.COPILOT, "octo-org", ImportProgress.NONE);
                UsageReport report = UsageReportReader.read(Files.readString(DIR.resolve(file)));
                assertThat(r.records()).isEqualTo(report.records().size());
                assertThat(r.imported()).isEqualTo(r.records());
                assertThat(r.rejected()).isEmpty();
                CopilotUsageQuery q = new CopilotUsageQuery(ws);
                for (ReportRecord rec : report.records()) {
                    ObjectNode stored = q.record("octo-org", rec.day(), rec.kind(), rec.subject()).orElseThrow();
                    assertThat(JsonEquivalence.canonical(stored)).as(file + " " + rec.kind() + " " + rec.subject())
                            .isEqualTo(JsonEquivalence.canonical(rec.json()));
                }
                // the wrapper's own fields are kept too
                String createdAt = ws.read(c -> {
                    try (var ps = c.prepareStatement("SELECT text FROM copilot_report_values WHERE breakdown = '@report' "
                            + "AND field = 'created_at' LIMIT 1"); var rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                });
                assertThat(createdAt).isEqualTo("2026-04-26T03:36:11.710Z");
                ImportReport again = new FileImporter(ws, store).importFile(DIR.resolve(file), ImportKind.COPILOT, "octo-org",
                        ImportProgress.NONE);
                assertThat(again.imported()).isZero();
                assertThat(again.duplicates()).isEqualTo(r.records());
            }
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void perEditorPerModelAndPerSurfaceNumbersLandAsSeries() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("o.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            new FileImporter(ws, store).importFile(DIR.resolve(ORG), ImportKind.COPILOT, "octo-org", ImportProgress.NONE);
            LocalPromqlSource promql = new LocalPromqlSource("local", store);
            // totals_by_ide: [{"ide": "vscode", "code_generation_activity_count": 40, ...}]
            assertThat(instant(promql, "github_copilot_usage_ide_code_generation_activity_count", "ide"))
                    .containsExactly(entry("vscode", 40.0));
            // totals_by_model_feature, feature code_completion: gpt-5.3-codex 24, gpt-4.1 16 generations
            assertThat(instant(promql, "sum by (model) (github_copilot_usage_model_feature_code_generation_activity_count"
                    + "{surface=\"completions\"})", "model")).containsExactly(entry("gpt-4.1", 16.0), entry("gpt-5.3-codex", 24.0));
            // interactions: copilot_cli 24; chat_panel_ask_mode 6 + 4 + 3 (opus, sonnet, haiku); code_completion 0
            assertThat(instant(promql, "sum by (surface) (github_copilot_usage_model_feature_user_initiated_interaction_count)", "surface"))
                    .containsExactly(entry("chat", 13.0), entry("cli", 24.0), entry("completions", 0.0));
            // totals_by_language_model: typescript × claude-sonnet-4.6 added 330 lines
            assertThat(instant(promql, "github_copilot_usage_language_model_loc_added_sum{language=\"typescript\"}", "model"))
                    .containsExactly(entry("claude-sonnet-4.6", 330.0));
            // totals_by_language_feature: python code_completion suggested 102 lines to add
            assertThat(instant(promql, "github_copilot_usage_language_feature_loc_suggested_to_add_sum{language=\"python\"}", "feature"))
                    .containsExactly(entry("code_completion", 102.0));
            // totals_by_cli: 18 sessions, 23845646 prompt tokens
            assertThat(instant(promql, "github_copilot_usage_cli_session_count", "scope")).containsExactly(entry("octo-org", 18.0));
            assertThat(instant(promql, "github_copilot_usage_cli_token_usage_prompt_tokens_sum", "scope"))
                    .containsExactly(entry("octo-org", 23845646.0));
            assertThat(instant(promql, "github_copilot_usage_monthly_active_chat_users", "scope")).containsExactly(entry("octo-org", 6.0));
            assertThat(instant(promql, "github_copilot_usage_daily_active_cli_users", "scope")).containsExactly(entry("octo-org", 2.0));
            assertThat(instant(promql, "github_copilot_usage_pull_requests_total_created", "scope")).containsExactly(entry("octo-org", 0.0));
            // GitHub's ids are no measurements
            assertThat(store.series(List.of(LabelMatcher.regex("__name__", ".*_id|.*organization.*")))).isEmpty();
            // the Copilot Health counters still come from the same import
            assertThat(store.series(List.of(LabelMatcher.equal("__name__", "vigia_copilot_suggestions_accepted_total"),
                    LabelMatcher.equal("source", "usage-report")))).isNotEmpty();

            CopilotUsageViews views = new CopilotUsageViews(new CopilotUsageQuery(ws));
            CopilotUsageViews.SurfaceMix mix = views.surfaces("octo-org", "code_generation_activity_count", DAY, DAY);
            assertThat(mix.byIde()).containsExactly(entry("vscode", 40.0));
            assertThat(mix.byModel().get(CopilotSurface.COMPLETIONS)).containsOnly(entry("gpt-5.3-codex", 24.0), entry("gpt-4.1", 16.0));
            assertThat(mix.byModel().get(CopilotSurface.CLI)).containsOnly(entry("claude-sonnet-4.6", 25.0));
            assertThat(mix.cli()).containsEntry("request_count", 218.0).containsEntry("token_usage.output_tokens_sum", 748058.0);
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void theUsersReportGivesAiCreditsPerUserAndHowManyUsedEachSurface() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("u.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            new FileImporter(ws, store).importFile(DIR.resolve(USERS), ImportKind.COPILOT, "octo-org", ImportProgress.NONE);
            LocalPromqlSource promql = new LocalPromqlSource("local", store);
            // hubot "ai_credits_used": 2.5, octocat 5.0; both "used_cli": true, "used_chat": false
            assertThat(instant(promql, "github_copilot_usage_user_ai_credits_used", "user"))
                    .containsExactly(entry("hubot", 2.5), entry("octocat", 5.0));
            assertThat(instant(promql, "github_copilot_usage_users_ai_credits_used", "scope")).containsExactly(entry("octo-org", 7.5));
            assertThat(instant(promql, "github_copilot_usage_users_used_cli_users", "scope")).containsExactly(entry("octo-org", 2.0));
            assertThat(instant(promql, "github_copilot_usage_users_used_chat_users", "scope")).containsExactly(entry("octo-org", 0.0));
            CopilotUsageViews.AiCredits credits = new CopilotUsageViews(new CopilotUsageQuery(ws)).aiCredits("octo-org", DAY, DAY);
            assertThat(credits.byUser()).containsExactly(entry("octocat", 5.0), entry("hubot", 2.5));
            assertThat(credits.perDay().valueOn(DAY)).isEqualTo(7.5);
        }
    }

    /**
     * Built from the corpus's users report: its two records as NDJSON lines, each with fields no
     * GitHub schema has (yet), and a third line cut short as a broken download leaves it.
     */
    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void anNdjsonReportWithUnknownFieldsAndATruncatedLastLineKeepsTheKnownRowsOnly() throws Exception {
        JsonNode users = JSON.readTree(Files.readString(DIR.resolve(USERS))).path("day_totals");
        StringBuilder ndjson = new StringBuilder();
        for (JsonNode u : users) {
            ObjectNode line = ((ObjectNode) u).deepCopy();
            line.put("future_counter", 11);
            line.putArray("totals_by_future_surface").addObject().put("surface", "copilot_app").put("session_count", 3);
            ndjson.append(line).append('\n');
        }
        ObjectNode third = ((ObjectNode) users.get(0)).deepCopy().put("user_id", 7).put("user_login", "cut-short");
        String thirdLine = third.toString();
        ndjson.append(thirdLine, 0, thirdLine.length() / 2);
        Path file = dir.resolve("users.ndjson");
        Files.writeString(file, ndjson);
        assertThat(ImportDetector.detect(file)).contains(ImportKind.COPILOT);
        try (Workspace ws = Workspace.open(dir.resolve("n.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FileImporter importer = new FileImporter(ws, store);
            assertThat(importer.preview(file, ImportKind.COPILOT, "octo-org", ImportProgress.NONE).rejected())
                    .singleElement().satisfies(p -> assertThat(p.lineNumber()).isEqualTo(3));
            ImportReport r = importer.importFile(file, ImportKind.COPILOT, "octo-org", ImportProgress.NONE);
            assertThat(r.records()).isEqualTo(2);
            assertThat(r.imported()).isEqualTo(2);
            assertThat(r.rejected()).singleElement().satisfies(p -> {
                assertThat(p.lineNumber()).isEqualTo(3);
                assertThat(p.reason()).contains("not a complete JSON record");
            });
            Map<String, Long> rows = ws.read(c -> {
                Map<String, Long> out = new TreeMap<>();
                try (var ps = c.prepareStatement("SELECT subject, COUNT(*) FROM copilot_report_values GROUP BY subject");
                     var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return out;
            });
            assertThat(rows).containsOnlyKeys("338094", "338097");
            CopilotUsageQuery q = new CopilotUsageQuery(ws);
            assertThat(q.record("octo-org", DAY, ReportKind.USER, "338097").orElseThrow().path("future_counter").asInt()).isEqualTo(11);
            assertThat(q.daily("octo-org", Measure.ofUsers("totals_by_future_surface", "session_count").where("surface", "copilot_app"),
                    DAY, DAY).valueOn(DAY)).isEqualTo(6);
            assertThat(store.series(List.of(LabelMatcher.equal("__name__", "github_copilot_usage_user_ai_credits_used"))))
                    .extracting(l -> l.get("user")).containsExactlyInAnyOrder("hubot", "octocat");
        }
    }

    /**
     * Pull requests, code review by comment type, third-party agents and repositories, written by
     * hand from the fields GitHub documents (copilot-usage-metrics.md "Pull request activity
     * fields"; the 2026-05-08 changelog for copilot_suggestions_by_comment_type; the 2026-08-07
     * changelog for totals_by_3rd_party_agent with agent_id, agent_name, user_initiated_interaction_count,
     * session_count; the repos-1-day record's repo_id, repo_owner_name, repo_name and pull_requests
     * as navikt/copilot's design notes list them from GitHub's reference).
     */
    @Test
    void pullRequestsCodeReviewByCommentTypeThirdPartyAgentsAndRepositoriesLand() throws Exception {
        Path file = dir.resolve("org.ndjson");
        Files.writeString(file, """
                {"day": "2026-08-10", "organization_id": "2", "enterprise_id": "1", "daily_active_users": 5, "pull_requests": {"total_created": 4, "total_merged": 3, "median_minutes_to_merge": 90.5, "total_created_by_copilot": 2, "total_merged_created_by_copilot": 1, "median_minutes_to_merge_copilot_authored": 30, "median_minutes_to_merge_copilot_reviewed": null, "total_copilot_suggestions": 9, "total_copilot_applied_suggestions": 4, "copilot_suggestions_by_comment_type": [{"comment_type": "security", "total_copilot_suggestions": 3, "total_copilot_applied_suggestions": 2}, {"comment_type": "bug_risk", "total_copilot_suggestions": 6, "total_copilot_applied_suggestions": 2}]}, "totals_by_3rd_party_agent": [{"agent_id": "2246796", "agent_name": "Claude (Anthropic)", "user_initiated_interaction_count": 7, "session_count": 3}, {"agent_id": "1144", "agent_name": "Codex (OpenAI)", "user_initiated_interaction_count": 2, "session_count": 1}]}
                {"day": "2026-08-11", "organization_id": "2", "enterprise_id": "1", "daily_active_users": 4, "pull_requests": {"total_created": 1, "total_merged": 0, "median_minutes_to_merge": null, "total_copilot_suggestions": 2, "total_copilot_applied_suggestions": 2, "copilot_suggestions_by_comment_type": [{"comment_type": "security", "total_copilot_suggestions": 2, "total_copilot_applied_suggestions": 2}]}, "totals_by_3rd_party_agent": [{"agent_id": "2246796", "agent_name": "Claude (Anthropic)", "user_initiated_interaction_count": 1, "session_count": 1}]}
                {"day": "2026-08-10", "organization_id": "2", "repo_id": 900000001, "repo_owner_name": "octo", "repo_name": "app", "repo_visibility": "PRIVATE", "pull_requests": {"total_created": 2, "total_created_by_copilot": 1, "total_reviewed_by_copilot": 2}}
                """);
        LocalDate d1 = LocalDate.of(2026, 8, 10);
        LocalDate d2 = LocalDate.of(2026, 8, 11);
        try (Workspace ws = Workspace.open(dir.resolve("p.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            ImportReport r = new FileImporter(ws, store).importFile(file, ImportKind.COPILOT, "octo", ImportProgress.NONE);
            assertThat(r.records()).isEqualTo(3);
            CopilotUsageViews views = new CopilotUsageViews(new CopilotUsageQuery(ws));
            CopilotUsageViews.CodeReview review = views.codeReview("octo", d1, d2);
            assertThat(review.suggestions()).isEqualTo(11);
            assertThat(review.applied()).isEqualTo(6);
            assertThat(review.byCommentType()).containsExactlyInAnyOrder(new CopilotUsageViews.CommentType("security", 5, 4),
                    new CopilotUsageViews.CommentType("bug_risk", 6, 2));
            CopilotUsageViews.MergeTimes merge = views.mergeTimes("octo", d1, d2);
            assertThat(merge.median().valueOn(d1)).isEqualTo(90.5);
            assertThat(merge.median().valueOn(d2)).as("null: nothing merged that day").isNaN();
            assertThat(merge.medianCopilotAuthored().valueOn(d1)).isEqualTo(30);
            assertThat(merge.mergedCopilotAuthored().valueOn(d1)).isEqualTo(1);
            assertThat(views.thirdPartyAgents("octo", d1, d2)).containsExactlyInAnyOrder(
                    new CopilotUsageViews.AgentUse("2246796", "Claude (Anthropic)", 8, 4),
                    new CopilotUsageViews.AgentUse("1144", "Codex (OpenAI)", 2, 1));
            LocalPromqlSource promql = new LocalPromqlSource("local", store);
            Instant at = Instant.parse("2026-08-10T00:00:00Z");
            QueryResult.Vector v = (QueryResult.Vector) promql.query(
                    "github_copilot_usage_pull_requests_by_comment_type_total_copilot_applied_suggestions", at).result();
            assertThat(v.size()).isEqualTo(2);
            QueryResult.Vector repo = (QueryResult.Vector) promql.query(
                    "github_copilot_usage_repository_pull_requests_total_reviewed_by_copilot", at).result();
            assertThat(repo.size()).isEqualTo(1);
            assertThat(repo.labels()[0].get("repository")).isEqualTo("octo/app");
            assertThat(repo.labels()[0].get("repo_id")).isEqualTo("900000001");
            assertThat(repo.values()[0]).isEqualTo(2);
            QueryResult.Vector agents = (QueryResult.Vector) promql.query(
                    "github_copilot_usage_3rd_party_agent_session_count{agent_name=\"Claude (Anthropic)\"}", at).result();
            assertThat(agents.values()).containsExactly(3);
        }
    }

    private static Map<String, Double> instant(LocalPromqlSource promql, String expr, String label) throws Exception {
        QueryResult.Vector v = (QueryResult.Vector) promql.query(expr, AT).result();
        Map<String, Double> out = new TreeMap<>();
        for (int i = 0; i < v.size(); i++) {
            out.put(v.labels()[i].get(label), v.values()[i]);
        }
        return out;
    }
}
