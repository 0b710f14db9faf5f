package io.vigia.datasources.copilot.usage;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.imports.FileImporter;
import io.vigia.datasources.imports.ImportKind;
import io.vigia.datasources.imports.ImportProgress;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * GitHub's caveats, enforced. The team rows are GitHub's own worked example (github/docs
 * content/copilot/reference/copilot-usage-metrics/team-level-metrics.md, "Example": alice on
 * frontend and backend, bob on frontend; its result table: frontend 2 active users, 19
 * acceptances, 112 lines added; backend 1, 12, 88), written out as the NDJSON files the
 * user-teams and users reports download as, plus carol, active but on no team in the user-teams
 * report (as a member of a team under five seats would be), and a second day.
 */
class CopilotCaveatsTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir", "../shared"), "corpus", "copilot-metrics");
    private static final LocalDate D1 = LocalDate.of(2026, 5, 7);
    private static final LocalDate D2 = LocalDate.of(2026, 5, 8);

    private static final String TEAMS = """
            {"user_id": 1001, "user_login": "alice", "day": "2026-05-07", "organization_id": "999", "team_id": 42, "slug": "frontend"}
            {"user_id": 1001, "user_login": "alice", "day": "2026-05-07", "organization_id": "999", "team_id": 43, "slug": "backend"}
            {"user_id": 1002, "user_login": "bob",   "day": "2026-05-07", "organization_id": "999", "team_id": 42, "slug": "frontend"}
            {"user_id": 1001, "user_login": "alice", "day": "2026-05-08", "organization_id": "999", "team_id": 42, "slug": "frontend"}
            {"user_id": 1002, "user_login": "bob",   "day": "2026-05-08", "organization_id": "999", "team_id": 42, "slug": "frontend"}
            """;
    private static final String USERS = """
            {"user_id": 1001, "user_login": "alice", "day": "2026-05-07", "organization_id": "999", "enterprise_id": "13213", "user_initiated_interaction_count": 50, "code_generation_activity_count": 40, "code_acceptance_activity_count": 12, "loc_suggested_to_add_sum": 200, "loc_added_sum": 88, "used_chat": true, "used_agent": true}
            {"user_id": 1002, "user_login": "bob", "day": "2026-05-07", "organization_id": "999", "enterprise_id": "13213", "user_initiated_interaction_count": 30, "code_generation_activity_count": 25, "code_acceptance_activity_count": 7, "loc_suggested_to_add_sum": 80, "loc_added_sum": 24, "used_chat": true, "used_agent": false}
            {"user_id": 1003, "user_login": "carol", "day": "2026-05-07", "organization_id": "999", "enterprise_id": "13213", "user_initiated_interaction_count": 5, "code_generation_activity_count": 4, "code_acceptance_activity_count": 1, "loc_suggested_to_add_sum": 8, "loc_added_sum": 2, "used_chat": false, "used_agent": false}
            {"user_id": 1001, "user_login": "alice", "day": "2026-05-08", "organization_id": "999", "enterprise_id": "13213", "user_initiated_interaction_count": 10, "code_generation_activity_count": 8, "code_acceptance_activity_count": 3, "loc_suggested_to_add_sum": 20, "loc_added_sum": 9, "used_chat": true, "used_agent": false}
            """;
    private static final String ORG_DAYS = """
            {"day": "2026-05-07", "organization_id": "999", "enterprise_id": "13213", "daily_active_users": 3, "weekly_active_users": 3, "code_generation_activity_count": 69}
            {"day": "2026-05-08", "organization_id": "999", "enterprise_id": "13213", "daily_active_users": 1, "weekly_active_users": 3, "code_generation_activity_count": 8}
            {"day": "2026-05-14", "organization_id": "999", "enterprise_id": "13213", "daily_active_users": 2, "weekly_active_users": 4, "code_generation_activity_count": 20}
            """;

    @TempDir
    Path dir;

    private void importText(FileImporter importer, String name, String text, String scope) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        importer.importFile(f, ImportKind.COPILOT, scope, ImportProgress.NONE);
    }

    @Test
    void teamsFollowGitHubsJoinCountMultiTeamUsersOncePerTeamAndSaySoAndShowWhoIsOnNoTeam() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("t.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FileImporter importer = new FileImporter(ws, store);
            // the two reports of a day arrive in either order; the join follows whichever came last
            importText(importer, "users.ndjson", USERS, "acme");
            importText(importer, "teams.ndjson", TEAMS, "acme");
            CopilotUsageQuery q = new CopilotUsageQuery(ws);

            TeamTotals acceptances = q.teams("acme", Measure.ofUsers("", "code_acceptance_activity_count"), D1, D1);
            assertThat(acceptances.byTeam()).containsExactly(entry("backend", 12.0), entry("frontend", 19.0));
            assertThat(acceptances.acrossTeams()).as("alice once, bob once; carol is on no team").isEqualTo(19.0);
            assertThat(q.teams("acme", Measure.ofUsers("", "loc_added_sum"), D1, D1).byTeam())
                    .containsExactly(entry("backend", 88.0), entry("frontend", 112.0));
            assertThat(q.teamActiveUsers("acme", D1, D1).byTeam()).containsExactly(entry("backend", 1.0), entry("frontend", 2.0));
            assertThat(acceptances.caveats()).extracting(Caveat::kind)
                    .contains(Caveat.Kind.TEAMS_BELOW_FIVE_SEATS, Caveat.Kind.MULTI_TEAM_USERS);

            // the notes stored with the day, and as series for PromQL panels
            assertThat(q.caveats("acme", D1, D1)).anySatisfy(n -> {
                assertThat(n.kind()).isEqualTo(Caveat.Kind.TEAMS_BELOW_FIVE_SEATS);
                assertThat(n.count()).isEqualTo(1);
                assertThat(n.message()).contains("1 of 3 users").contains("fewer than five seated");
            }).anySatisfy(n -> {
                assertThat(n.kind()).isEqualTo(Caveat.Kind.MULTI_TEAM_USERS);
                assertThat(n.count()).isEqualTo(1);
                assertThat(n.message()).contains("counts them");
            });
            LocalPromqlSource promql = new LocalPromqlSource("local", store);
            Instant at = Instant.parse("2026-05-07T00:00:00Z");
            assertThat(instant(promql, "github_copilot_usage_team_code_acceptance_activity_count", "team", at))
                    .containsExactly(entry("backend", 12.0), entry("frontend", 19.0));
            assertThat(instant(promql, "github_copilot_usage_team_loc_added_sum", "team", at))
                    .containsExactly(entry("backend", 88.0), entry("frontend", 112.0));
            assertThat(instant(promql, "github_copilot_usage_team_daily_active_users", "team", at))
                    .containsExactly(entry("backend", 1.0), entry("frontend", 2.0));
            assertThat(instant(promql, "github_copilot_usage_team_used_agent_users", "team", at))
                    .containsExactly(entry("backend", 1.0), entry("frontend", 1.0));
            assertThat(instant(promql, "github_copilot_usage_team_unattributed_users", "scope", at)).containsExactly(entry("acme", 1.0));
            assertThat(instant(promql, "github_copilot_usage_team_multi_team_users", "scope", at)).containsExactly(entry("acme", 1.0));
        }
    }

    @Test
    void distinctUserCountsAreNeverAddedOverDaysOrTeams() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("d.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FileImporter importer = new FileImporter(ws, store);
            importText(importer, "teams.ndjson", TEAMS, "acme");
            importText(importer, "users.ndjson", USERS, "acme");
            importText(importer, "org.ndjson", ORG_DAYS, "acme");
            CopilotUsageQuery q = new CopilotUsageQuery(ws);

            assertThat(q.totals("acme", Measure.of("", "daily_active_users"), "", D1, D2)).isInstanceOfSatisfying(
                    UsageTotals.Refused.class, r -> {
                        assertThat(r.reason().kind()).isEqualTo(Caveat.Kind.DISTINCT_USERS);
                        assertThat(r.reason().message()).contains("cannot be added over days");
                    });
            assertThat(q.totals("acme", Measure.of("", "daily_active_users"), "", D1, D1))
                    .isInstanceOfSatisfying(UsageTotals.Sum.class, s -> assertThat(s.total()).isEqualTo(3));
            assertThat(q.totals("acme", Measure.of("", "code_generation_activity_count"), "", D1, D2))
                    .isInstanceOfSatisfying(UsageTotals.Sum.class, s -> assertThat(s.total()).isEqualTo(77));
            // over two days alice and bob used chat: two users, not three user-days; alice is counted once across teams
            assertThat(q.teams("acme", Measure.ofUsers("", "used_chat"), D1, D2).byTeam())
                    .containsExactly(entry("backend", 1.0), entry("frontend", 2.0));
            assertThat(q.teams("acme", Measure.ofUsers("", "used_chat"), D1, D2).acrossTeams()).isEqualTo(2.0);
            assertThat(q.teamActiveUsers("acme", D1, D2).byTeam()).containsEntry("frontend", 2.0);
            assertThat(q.teamActiveUsers("acme", D1, D2).acrossTeams()).isEqualTo(2.0);
            assertThat(q.totals("acme", Measure.ofUsers("", "used_chat"), "", D1, D2))
                    .isInstanceOfSatisfying(UsageTotals.Sum.class, s -> assertThat(s.total()).isEqualTo(2));

            // week over week: volume added up, weekly active users taken on each week's last day
            LocalDate week = LocalDate.of(2026, 5, 11);
            assertThat(q.weekOverWeek("acme", Measure.of("", "code_generation_activity_count"), week))
                    .isEqualTo(new WeekOverWeek.Change(week, 20, 77, (20.0 - 77) / 77));
            assertThat(q.weekOverWeek("acme", Measure.of("", "weekly_active_users"), week))
                    .isEqualTo(new WeekOverWeek.Change(week, 4, 3, 1.0 / 3));
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void aReBaselineMarkerSitsWhereTheHistoryChangesSourceAndWeekOverWeekAcrossItIsRefused() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("r.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FileImporter importer = new FileImporter(ws, store);
            // legacy /copilot/metrics days 2024-11-04..2024-11-24, then the usage report of 2026-04-25
            importer.importFile(DIR.resolve("cmv-organization_metrics_response_sample.json"), ImportKind.COPILOT, "octo-org",
                    ImportProgress.NONE);
            importer.importFile(DIR.resolve("cmv-newapi-organization-1-day-report.json"), ImportKind.COPILOT, "octo-org",
                    ImportProgress.NONE);
            CopilotUsageQuery q = new CopilotUsageQuery(ws);
            LocalDate cutover = LocalDate.of(2026, 4, 25);
            assertThat(q.caveats("octo-org", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(Caveat.Kind.REBASELINE);
                assertThat(n.day()).isEqualTo(cutover);
                assertThat(n.subject()).isEqualTo("legacy-metrics→usage-report");
                assertThat(n.message()).contains("up to 2024-11-24").contains("re-baseline rather than diffing across the cutover");
            });
            LocalPromqlSource promql = new LocalPromqlSource("local", store);
            assertThat(instant(promql, "github_copilot_usage_rebaseline", "from", Instant.parse("2026-04-25T00:00:00Z")))
                    .containsExactly(entry("legacy-metrics", 1.0));
            WeekOverWeek across = q.weekOverWeek("octo-org", Measure.of("", "code_generation_activity_count"), LocalDate.of(2026, 4, 20));
            assertThat(across).isInstanceOfSatisfying(WeekOverWeek.Refused.class, r -> assertThat(r.reason().day()).isEqualTo(cutover));
            assertThat(q.weekOverWeek("octo-org", Measure.of("", "code_generation_activity_count"), LocalDate.of(2026, 5, 4)))
                    .isInstanceOf(WeekOverWeek.Change.class);
            // importing the legacy file again leaves one marker, not two
            importer.importFile(DIR.resolve("cmv-organization_metrics_response_sample.json"), ImportKind.COPILOT, "octo-org",
                    ImportProgress.NONE);
            assertThat(q.caveats("octo-org", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))).hasSize(1);
        }
    }

    private static Map<String, Double> instant(LocalPromqlSource promql, String expr, String label, Instant at) throws Exception {
        QueryResult.Vector v = (QueryResult.Vector) promql.query(expr, at).result();
        Map<String, Double> out = new TreeMap<>();
        for (int i = 0; i < v.size(); i++) {
            out.put(v.labels()[i].get(label), v.values()[i]);
        }
        return out;
    }
}
