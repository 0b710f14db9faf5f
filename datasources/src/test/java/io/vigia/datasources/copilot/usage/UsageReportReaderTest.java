package io.vigia.datasources.copilot.usage;

import io.vigia.datasources.copilot.CopilotFormatException;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shapes usage-report files come in. The small records here are written by hand from
 * GitHub's documented schema (github/docs content/copilot/reference/copilot-usage-metrics:
 * example-schema.md for the enterprise and user records and the array-of-wrappers shape,
 * team-level-metrics.md for the user-teams rows); the corpus files are read as they are.
 */
class UsageReportReaderTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir", "../shared"), "corpus", "copilot-metrics");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String DAY1 = "{\"day\":\"2025-10-01\",\"enterprise_id\":\"1\",\"daily_active_users\":2,"
            + "\"code_generation_activity_count\":2,\"totals_by_ide\":[{\"ide\":\"vscode\",\"code_generation_activity_count\":2}]}";
    private static final String DAY2 = "{\"day\":\"2025-10-02\",\"enterprise_id\":\"1\",\"daily_active_users\":3,"
            + "\"code_generation_activity_count\":5,\"totals_by_ide\":[{\"ide\":\"intellij\",\"code_generation_activity_count\":5}]}";

    @Test
    void everyShapeGivesTheSameRecords() {
        String wrapper = "{\"day_totals\":[" + DAY1 + "," + DAY2 + "],\"enterprise_id\":\"1\",\"report_start_day\":\"2025-09-04\","
                + "\"report_end_day\":\"2025-10-02\"}";
        List<String> shapes = List.of(
                "[" + DAY1 + "," + DAY2 + "]",
                DAY1 + "\n" + DAY2 + "\n",
                wrapper,
                "[" + wrapper + "]",
                "{\"day_totals\":[" + DAY1 + "]}\n{\"day_totals\":[" + DAY2 + "]}",
                "{\"user_totals\":[" + DAY1 + "," + DAY2 + "]}");
        for (String shape : shapes) {
            UsageReport r = UsageReportReader.read(shape);
            assertThat(r.problems()).as(shape).isEmpty();
            assertThat(r.records()).as(shape).extracting(ReportRecord::day)
                    .containsExactly(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2));
            assertThat(r.records()).allSatisfy(rec -> assertThat(rec.kind()).isEqualTo(ReportKind.ENTITY));
            assertThat(r.records().get(1).json().path("totals_by_ide").get(0).path("ide").asString()).isEqualTo("intellij");
        }
        UsageReport bare = UsageReportReader.read(DAY1);
        assertThat(bare.records()).hasSize(1);
        UsageReport wrapped = UsageReportReader.read(wrapper);
        assertThat(wrapped.records().getFirst().report().path("report_start_day").asString()).isEqualTo("2025-09-04");
    }

    @Test
    void recordsAreToldApartByTheirKeys() {
        String text = """
                {"user_id": 1001, "user_login": "alice", "day": "2026-05-07", "organization_id": "999", "team_id": 42, "slug": "frontend"}
                {"user_id": 1001, "user_login": "alice", "day": "2026-05-07", "organization_id": "999", "code_acceptance_activity_count": 12}
                {"day": "2026-07-14", "organization_id": "2", "repo_id": 900000001, "repo_name": "app", "pull_requests": {"total_created": 1}}
                {"day": "2026-05-07", "organization_id": "999", "daily_active_users": 2}
                {"day": "2026-05-07", "login": "carol", "used_chat": true}
                """;
        UsageReport r = UsageReportReader.read(text);
        assertThat(r.records()).extracting(ReportRecord::kind, ReportRecord::subject, ReportRecord::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReportKind.USER_TEAM, "1001/42", 1),
                org.assertj.core.groups.Tuple.tuple(ReportKind.USER, "1001", 2),
                org.assertj.core.groups.Tuple.tuple(ReportKind.REPOSITORY, "900000001", 3),
                org.assertj.core.groups.Tuple.tuple(ReportKind.ENTITY, "", 4),
                org.assertj.core.groups.Tuple.tuple(ReportKind.USER, "carol", 5));
    }

    @Test
    void aTruncatedLastLineIsReportedByItsNumberAndTheOtherLinesAreKept() {
        String text = DAY1 + "\n\n" + DAY2 + "\n" + DAY2.substring(0, 50);
        UsageReport r = UsageReportReader.read(text);
        assertThat(r.records()).hasSize(2);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.reason()).contains("not a complete JSON record");
        });
        UsageReport noDay = UsageReportReader.read(DAY1 + "\n{\"day\":\"yesterday\",\"daily_active_users\":1}");
        assertThat(noDay.problems()).singleElement().satisfies(p -> assertThat(p.toString()).startsWith("line 2: a record without a valid day"));
        assertThatThrownBy(() -> UsageReportReader.read("{\"day_totals\": [" + DAY1)).isInstanceOf(CopilotFormatException.class)
                .hasMessageStartingWith("not valid JSON at line 1");
    }

    @Test
    void flatteningKeepsEveryFieldAndGivesTheRecordBack() {
        String record = """
                {"day": "2026-08-07", "enterprise_id": "1", "a.dotted\\\\key": 1, "nothing": null, "empty": [], "tags": ["x", 2],
                 "daily_active_users": 4, "brand_new_counter": 7.25,
                 "totals_by_3rd_party_agent": [{"agent_id": "2246796", "agent_name": "Claude (Anthropic)",
                    "user_initiated_interaction_count": 3, "session_count": 2}, {"agent_id": "99", "agent_name": "Codex (OpenAI)"}],
                 "totals_by_ide": [{"ide": "vscode", "code_generation_activity_count": 4,
                    "last_known_ide_version": {"ide_version": "1.99", "sampled_at": null}}],
                 "pull_requests": {"total_created": 2, "median_minutes_to_merge": null, "copilot_suggestions_by_comment_type":
                    [{"comment_type": "security", "total_copilot_suggestions": 5, "total_copilot_applied_suggestions": 1}]},
                 "totals_by_cli": {"session_count": 3, "token_usage": {"prompt_tokens_sum": 10, "avg_tokens_per_request": 4100.5}},
                 "totals_by_future": [{"surface": "x", "nested": [{"mode": "y", "count": 1}]}],
                 "ai_adoption_phase": {}}
                """;
        ReportRecord r = UsageReportReader.read(record).records().getFirst();
        List<ReportValue> values = ReportFlattener.flatten(r);
        assertThat(values).anySatisfy(v -> {
            assertThat(v.breakdown()).isEqualTo("pull_requests.copilot_suggestions_by_comment_type");
            assertThat(v.dimension()).isEqualTo("{\"comment_type\":\"security\"}");
            assertThat(v.field()).isEqualTo("total_copilot_suggestions");
            assertThat(v.num()).isEqualTo(5);
        });
        assertThat(values).anySatisfy(v -> {
            assertThat(v.breakdown()).isEqualTo("totals_by_cli");
            assertThat(v.field()).isEqualTo("token_usage.prompt_tokens_sum");
        });
        assertThat(values).anySatisfy(v -> assertThat(v.field()).isEqualTo("brand_new_counter"));
        assertThat(JsonEquivalence.canonical(ReportRecordRebuilder.rebuild(values))).isEqualTo(JsonEquivalence.canonical(r.json()));
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void everyRecordOfTheCorpusReportsComesBackFromItsValues() throws Exception {
        int records = 0;
        for (String file : List.of("cmv-newapi-organization-1-day-report.json", "cmv-newapi-organization-users-1-day-report.json")) {
            JsonNode root = JSON.readTree(Files.readString(DIR.resolve(file)));
            assertThat(UsageReportReader.isReport(root)).as(file).isTrue();
            UsageReport report = UsageReportReader.read(Files.readString(DIR.resolve(file)));
            assertThat(report.problems()).isEmpty();
            for (ReportRecord r : report.records()) {
                records++;
                assertThat(JsonEquivalence.canonical(ReportRecordRebuilder.rebuild(ReportFlattener.flatten(r))))
                        .as(file + " " + r.subject()).isEqualTo(JsonEquivalence.canonical(r.json()));
            }
        }
        assertThat(records).isEqualTo(3);
    }
}
