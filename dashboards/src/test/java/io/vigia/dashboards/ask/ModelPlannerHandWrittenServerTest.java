package io.vigia.dashboards.ask;

import io.vigia.dashboards.demo.DemoWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional model path against a local server answering in the OpenAI chat-completions format
 * with tool calls, written by hand from that format's published schema
 * ({@link HandWrittenChatCompletionsServer}): accepted calls become steps, and an unknown tool,
 * invalid PromQL and calls over the limits are refused with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelPlannerHandWrittenServerTest {
    DemoAsk demo;
    final StepGuard guard = new StepGuard(QueryLimits.DEFAULTS);

    @BeforeAll
    void loadDemo(@TempDir Path dir) {
        demo = new DemoAsk(dir);
    }

    @AfterAll
    void close() {
        demo.close();
    }

    private static HandWrittenChatCompletionsServer.Call call(String name, String args) {
        return new HandWrittenChatCompletionsServer.Call(name, args);
    }

    @Test
    void toolCallsFromAHandWrittenChatCompletionsServerBecomeStepsOrRefusalsWithTheReason() throws Exception {
        List<HandWrittenChatCompletionsServer.Call> calls = List.of(
                call("query_range", "{\"promql\":\"histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{service=\\\"payments\\\"}[5m])))\",\"from\":\"now-6h\",\"to\":\"now\"}"),
                call("deploy_impact", "{\"service\":\"payments\",\"version\":\"latest\",\"window\":\"1h\"}"),
                call("delete_series", "{\"match\":\"{__name__=~\\\".+\\\"}\"}"),
                call("query_range", "{\"promql\":\"sum(rate(http_server_request_duration_seconds_count[5m]) by\",\"from\":\"now-1h\",\"to\":\"now\"}"),
                call("query_range", "{\"promql\":\"sum(http_server_request_duration_seconds_count)\",\"from\":\"now-400d\",\"to\":\"now\"}"),
                call("query_range", "{\"promql\":\"sum(increase(http_server_request_duration_seconds_count[90d]))\",\"from\":\"now-1h\",\"to\":\"now\"}"),
                call("deploy_impact", "{\"service\":\"payments\",\"window\":\"2d\"}"),
                call("query_range", "{\"promql\":\"up\",\"from\":\"now-1h\",\"to\":\"now\",\"webhook\":\"http://x\"}"),
                call("query_range", "not json"));
        try (var server = new HandWrittenChatCompletionsServer(req -> new HandWrittenChatCompletionsServer.Reply(null, calls))) {
            ModelPlanner planner = new ModelPlanner(new ModelEndpoint(server.baseUrl(), "qwen2.5:7b",
                    io.vigia.datasources.secrets.SecretRef.env("UNUSED")), "sk-test-key", guard);
            AskPlan plan = planner.plan("p95 of payments after the last deploy", demo.context);

            assertThat(plan.planner()).isEqualTo("model");
            assertThat(plan.steps()).hasSize(2);
            assertThat(plan.steps().get(0)).isInstanceOfSatisfying(AskStep.Query.class, q -> {
                assertThat(q.metric()).isEqualTo("http_server_request_duration_seconds");
                assertThat(q.service()).isEqualTo("payments");
                assertThat(q.range()).isEqualTo(new TimeWindow("now-6h", "now"));
            });
            assertThat(plan.steps().get(1)).isEqualTo(new AskStep.DeployImpact("payments", "latest", Duration.ofHours(1), Stat.P95));
            List<String> reasons = new ArrayList<>(plan.refused().stream().map(AskPlan.Refusal::reason).toList());
            assertThat(reasons).hasSize(7);
            assertThat(reasons.get(0)).startsWith("unknown tool \"delete_series\"");
            assertThat(reasons.get(1)).startsWith("not valid PromQL");
            assertThat(reasons.get(2)).contains("over the limit of 31 days");
            assertThat(reasons.get(3)).contains("a range selector or subquery of 90 days, over the limit of 31 days");
            assertThat(reasons.get(4)).contains("at most one day each side");
            assertThat(reasons.get(5)).isEqualTo("unknown argument \"webhook\"");
            assertThat(reasons.get(6)).isEqualTo("the arguments are not JSON");

            // the request: the schema's fields, the six read-only tools, the key as a bearer token
            JsonNode req = server.requests().getFirst();
            assertThat(req.get("model").asString()).isEqualTo("qwen2.5:7b");
            List<String> tools = new ArrayList<>();
            req.get("tools").forEach(t -> tools.add(t.get("function").get("name").asString()));
            assertThat(tools).containsExactlyInAnyOrder("query_range", "query_logs", "deploy_impact", "open_dashboard",
                    "drift_check", "weekly_report");
            assertThat(server.authorizations()).containsExactly("Bearer sk-test-key");

            // running the accepted plan gives Deploy impact's numbers; the refused calls never run
            AskAnswer answer = new AskRunner(demo.source, null, guard).run(plan, demo.context);
            assertThat(answer.steps()).hasSize(2);
            assertThat(answer.steps().get(0)).isInstanceOf(AskAnswer.Numbers.class);
            assertThat(answer.steps().get(1)).isInstanceOf(AskAnswer.Impact.class);
        }
    }

    @Test
    void aQueryOverTheSeriesOrTimeLimitIsRefusedWhenItRuns() {
        StepGuard tight = new StepGuard(new QueryLimits(Duration.ofDays(31), 11_000, 3, Duration.ofSeconds(30), 200));
        AskStep.Query perRoute = new AskStep.Query(AskStep.QueryLanguage.PROMQL,
                "sum by (service, http_route) (rate(http_server_request_duration_seconds_count[30m]))", TimeWindow.last("1h"),
                null, "http_server_request_duration_seconds_count", null, null, java.util.Map.of(), "per route");
        AskAnswer.StepAnswer a = new AskRunner(demo.source, null, tight).runStep(perRoute, demo.context);
        assertThat(a).isInstanceOfSatisfying(AskAnswer.Refused.class,
                r -> assertThat(r.reason()).contains("series, over the limit of 3"));

        StepGuard instant = new StepGuard(new QueryLimits(Duration.ofDays(31), 11_000, 500, Duration.ofMillis(1), 200));
        AskStep.Query heavy = new AskStep.Query(AskStep.QueryLanguage.PROMQL,
                "histogram_quantile(0.99, sum by (le, service, http_route) (rate(http_server_request_duration_seconds_bucket[1h])))",
                TimeWindow.last("30d"), null, "http_server_request_duration_seconds_bucket", null, null, java.util.Map.of(), "heavy");
        assertThat(new AskRunner(demo.source, null, instant).runStep(heavy, demo.context))
                .isInstanceOfSatisfying(AskAnswer.Refused.class, r -> assertThat(r.reason()).contains("longer than the limit"));
    }

    @Test
    void whenTheEndpointFailsTheOfflinePlanIsShownWithTheReason() throws Exception {
        try (var server = new HandWrittenChatCompletionsServer(req -> new HandWrittenChatCompletionsServer.Reply("no tools today", List.of()))) {
            ModelPlanner model = new ModelPlanner(new ModelEndpoint(server.baseUrl() + "/nowhere", "m",
                    io.vigia.datasources.secrets.SecretRef.env("UNUSED")), null, guard);
            AskService ask = new AskService(new OfflinePlanner(new MiniLmEmbedder()), model, new AskRunner(demo.source, null, guard), guard);
            AskPlan plan = ask.plan("p95 of payments after the last deploy", demo.context);
            assertThat(plan.planner()).isEqualTo("offline");
            assertThat(plan.notes().getFirst()).contains("the model could not be asked").contains("HTTP 404");
            assertThat(plan.primary()).get().isInstanceOf(AskStep.DeployImpact.class);

            ModelPlanner silent = new ModelPlanner(new ModelEndpoint(server.baseUrl(), "m",
                    io.vigia.datasources.secrets.SecretRef.env("UNUSED")), null, guard);
            AskPlan fallback = new AskService(new OfflinePlanner(new MiniLmEmbedder()), silent,
                    new AskRunner(demo.source, null, guard), guard).plan("error rate of checkout today", demo.context);
            assertThat(fallback.planner()).isEqualTo("offline");
            assertThat(fallback.notes().getFirst()).contains("the model proposed no step");
            assertThat(server.authorizations()).as("no key configured, none sent").containsOnlyNulls();
        }
        assertThat(DemoWorkspace.SEED).isEqualTo(42);
    }
}
