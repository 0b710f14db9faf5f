package io.vigia.datasources.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.vigia.datasources.otlp.TelemetryNames.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real OpenTelemetry Java SDK and OTLP/HTTP exporter (protobuf, gzip) send metrics, events
 * and spans shaped as Claude Code, Copilot Chat and the Copilot CLI document them to a running
 * receiver; the test reads what landed with PromQL over the workspace's store. Every instrument,
 * event and attribute name the sender uses comes from the fixture of names with their sources.
 */
class OtlpAssistantShapesTest {
    private static final AttributeKey<String> TYPE = AttributeKey.stringKey("type");
    private static final AttributeKey<String> MODEL = AttributeKey.stringKey("model");
    private static final AttributeKey<String> SESSION = AttributeKey.stringKey(of("session.id"));
    private static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey(of("user.account_uuid"));

    @TempDir
    Path dir;

    @Test
    void claudeCodeDeltaCountersBecomeCumulativeAndFeedTheAssistantSeries() throws Exception {
        try (ReceiverFixture rx = new ReceiverFixture(dir);
             SdkSender claude = new SdkSender(base(rx), of("claude-code"), true, "gzip")) {
            Meter meter = claude.meter("com.anthropic.claude_code");
            LongCounter sessions = meter.counterBuilder(of("claude_code.session.count")).build();
            LongCounter tokens = meter.counterBuilder(of("claude_code.token.usage")).setUnit("tokens").build();
            var cost = meter.counterBuilder(of("claude_code.cost.usage")).setUnit("USD").ofDoubles().build();
            LongCounter lines = meter.counterBuilder(of("claude_code.lines_of_code.count")).build();
            LongCounter decisions = meter.counterBuilder(of("claude_code.code_edit_tool.decision")).build();
            LongCounter commits = meter.counterBuilder(of("claude_code.commit.count")).build();
            Attributes who = Attributes.of(SESSION, "s-1", ACCOUNT, "acct-1");
            String model = "claude-sonnet-4-5";

            sessions.add(1, who);
            tokens.add(1200, who.toBuilder().put(TYPE, "input").put(MODEL, model).build());
            tokens.add(300, who.toBuilder().put(TYPE, "output").put(MODEL, model).build());
            tokens.add(5000, who.toBuilder().put(TYPE, "cacheRead").put(MODEL, model).build());
            cost.add(0.25, who.toBuilder().put(MODEL, model).build());
            lines.add(40, who.toBuilder().put(TYPE, "added").put(MODEL, model).build());
            decisions.add(3, decision(who, "accept"));
            decisions.add(1, decision(who, "reject"));
            claude.flush();
            TimeUnit.MILLISECONDS.sleep(20);
            // the second export carries only what happened since the first: delta temporality
            tokens.add(800, who.toBuilder().put(TYPE, "input").put(MODEL, model).build());
            cost.add(0.5, who.toBuilder().put(MODEL, model).build());
            lines.add(2, who.toBuilder().put(TYPE, "removed").put(MODEL, model).build());
            decisions.add(1, decision(who, "accept"));
            commits.add(1, who);
            claude.flush();

            // raw series under the Prometheus names Prometheus's own OTLP receiver would give them
            assertThat(rx.value("claude_code_token_usage_tokens_total{type=\"input\",session_id=\"s-1\"}")).isEqualTo(2000);
            assertThat(rx.value("claude_code_cost_usage_USD_total")).isEqualTo(0.75);
            assertThat(rx.value("claude_code_session_count_total")).isEqualTo(1);
            assertThat(rx.value("claude_code_commit_count_total{job=\"claude-code\"}")).isEqualTo(1);
            // the series Copilot Health can draw from
            assertThat(rx.value("sum(vigia_assistant_tokens_total{assistant=\"claude-code\",type=\"input\"})")).isEqualTo(2000);
            assertThat(rx.value("vigia_assistant_tokens_total{type=\"cache_read\"}")).isEqualTo(5000);
            assertThat(rx.value("vigia_assistant_cost_usd_total{model=\"" + model + "\"}")).isEqualTo(0.75);
            assertThat(rx.query("vigia_assistant_lines_of_code_total")).containsValues(40.0, 2.0);
            assertThat(rx.value("sum(vigia_assistant_edit_decisions_total{decision=\"accepted\"})"
                    + " / sum(vigia_assistant_edit_decisions_total)")).isEqualTo(0.8);
            // Claude Code says "Java"; stored as VS Code's identifier, the spelling of Copilot's reports
            assertThat(rx.value("sum(vigia_assistant_edit_decisions_total{language=\"java\"})"
                    + " / sum(vigia_assistant_edit_decisions_total)")).isEqualTo(1.0);
            assertThat(rx.value("vigia_assistant_sessions_total")).isEqualTo(1);
            // target_info carries the other resource attributes
            assertThat(rx.query("target_info{job=\"claude-code\"}").keySet())
                    .anySatisfy(l -> assertThat(l.get("host_arch")).isEqualTo("amd64"));
        }
    }

    @Test
    void claudeCodeEventsAreCountedByDecisionAndPromptsAreNotKept() throws Exception {
        try (ReceiverFixture rx = new ReceiverFixture(dir);
             SdkSender claude = new SdkSender(base(rx), of("claude-code"), true, "gzip")) {
            Logger events = claude.logger("com.anthropic.claude_code.events");
            event(events, of("claude_code.tool_decision"), Attributes.of(AttributeKey.stringKey("decision"), "accept",
                    AttributeKey.stringKey("source"), "config", AttributeKey.stringKey("tool_name"), "Edit"));
            event(events, of("claude_code.tool_decision"), Attributes.of(AttributeKey.stringKey("decision"), "reject",
                    AttributeKey.stringKey("source"), "user_temporary", AttributeKey.stringKey("tool_name"), "Bash"));
            event(events, of("claude_code.user_prompt"), Attributes.of(AttributeKey.stringKey(of("prompt")),
                    "deploy with token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", AttributeKey.stringKey("prompt_length"), "52"));
            claude.flush();

            assertThat(rx.value("vigia_otel_events_total{event_name=\"claude_code.tool_decision\",decision=\"accept\",tool_name=\"Edit\"}"))
                    .isEqualTo(1);
            assertThat(rx.value("sum by (decision) (vigia_assistant_tool_decisions_total{decision=\"rejected\"})")).isEqualTo(1);
            assertThat(rx.value("vigia_assistant_prompts_total{assistant=\"claude-code\"}")).isEqualTo(1);
            // nothing of the prompt is a label anywhere
            for (Labels l : rx.store.series(java.util.List.of())) {
                assertThat(l.toString()).doesNotContain("ghp_").doesNotContain("deploy with");
            }
        }
    }

    @Test
    void promptContentIsKeptRedactedOnlyWhenCaptureIsOn() throws Exception {
        Path content = dir.resolve("otlp-content.jsonl");
        try (ReceiverFixture rx = new ReceiverFixture(dir, OtlpReceiverOptions.DEFAULT_MAX_BODY_BYTES, Optional.of(content));
             SdkSender claude = new SdkSender(base(rx), of("claude-code"), true, "none")) {
            event(claude.logger("com.anthropic.claude_code.events"), of("claude_code.user_prompt"), Attributes.of(
                    AttributeKey.stringKey(of("prompt")), "deploy with token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"));
            claude.flush();
        }
        String kept = Files.readString(content);
        assertThat(kept).contains("deploy with token").contains("[REDACTED:github_token]").doesNotContain("ghp_0123");
    }

    @Test
    void copilotChatCumulativeMetricsHistogramsAndSpans() throws Exception {
        try (ReceiverFixture rx = new ReceiverFixture(dir);
             SdkSender copilot = new SdkSender(base(rx), of("copilot-chat"), false, "gzip")) {
            Meter meter = copilot.meter("copilot-chat");
            LongCounter edits = meter.counterBuilder(of("copilot_chat.edit.acceptance.count")).build();
            LongCounter sessions = meter.counterBuilder(of("copilot_chat.session.count")).build();
            DoubleHistogram tokens = meter.histogramBuilder(of("gen_ai.client.token.usage")).setUnit("{token}").build();
            DoubleHistogram duration = meter.histogramBuilder(of("gen_ai.client.operation.duration")).setUnit("s").build();
            Attributes accepted = Attributes.of(AttributeKey.stringKey("copilot_chat.edit.outcome"), "accepted",
                    AttributeKey.stringKey("copilot_chat.edit.source"), "chat_editing",
                    AttributeKey.stringKey("copilot_chat.language_id"), "java");
            Attributes rejected = accepted.toBuilder().put("copilot_chat.edit.outcome", "rejected").build();
            Attributes call = Attributes.of(AttributeKey.stringKey("gen_ai.operation.name"), "chat",
                    AttributeKey.stringKey("gen_ai.provider.name"), "github", AttributeKey.stringKey("gen_ai.request.model"), "gpt-4o");
            sessions.add(1);
            edits.add(3, accepted);
            edits.add(1, rejected);
            tokens.record(1500, call.toBuilder().put("gen_ai.token.type", "input").build());
            tokens.record(400, call.toBuilder().put("gen_ai.token.type", "output").build());
            duration.record(2.0, call);
            duration.record(4.0, call);
            copilot.flush();
            TimeUnit.MILLISECONDS.sleep(20);
            edits.add(1, accepted);
            tokens.record(500, call.toBuilder().put("gen_ai.token.type", "input").build());
            copilot.flush();

            // cumulative points are stored as they come; the assistant series count the increase
            assertThat(rx.value("copilot_chat_edit_acceptance_count_total{copilot_chat_edit_outcome=\"accepted\"}")).isEqualTo(4);
            assertThat(rx.value("sum(vigia_assistant_edit_decisions_total{assistant=\"copilot-chat\",decision=\"accepted\"})")).isEqualTo(4);
            assertThat(rx.value("gen_ai_client_token_usage_sum{gen_ai_token_type=\"input\"}")).isEqualTo(2000);
            assertThat(rx.value("gen_ai_client_token_usage_count{gen_ai_token_type=\"input\"}")).isEqualTo(2);
            assertThat(rx.value("gen_ai_client_token_usage_bucket{gen_ai_token_type=\"input\",le=\"+Inf\"}")).isEqualTo(2);
            assertThat(rx.value("vigia_assistant_tokens_total{assistant=\"copilot-chat\",type=\"input\",model=\"gpt-4o\"}")).isEqualTo(2000);
            // the SDK's default boundaries are 0, 5, 10, 25, …: both observations (2 s, 4 s) fall in le="5"
            assertThat(rx.value("gen_ai_client_operation_duration_seconds_bucket{le=\"0\"}")).isEqualTo(0);
            assertThat(rx.value("gen_ai_client_operation_duration_seconds_bucket{le=\"5\"}")).isEqualTo(2);
            assertThat(rx.value("histogram_quantile(0.5, sum by (le) (gen_ai_client_operation_duration_seconds_bucket))"))
                    .isEqualTo(2.5);
            assertThat(rx.value("copilot_chat_session_count_total{otel_scope_name=\"copilot-chat\"}")).isEqualTo(1);

            Tracer tracer = copilot.tracer("copilot-chat");
            Instant start = Instant.now().minusSeconds(15);
            Span agent = tracer.spanBuilder(of("invoke_agent") + " copilot").setSpanKind(SpanKind.INTERNAL)
                    .setStartTimestamp(start).setAttribute("gen_ai.operation.name", "invoke_agent")
                    .setAttribute("gen_ai.agent.name", "copilot").startSpan();
            Context parent = Context.root().with(agent);
            tracer.spanBuilder(of("chat") + " gpt-4o").setParent(parent).setSpanKind(SpanKind.CLIENT).setStartTimestamp(start)
                    .setAttribute("gen_ai.operation.name", "chat").setAttribute("gen_ai.request.model", "gpt-4o")
                    .setAttribute("gen_ai.usage.input_tokens", 1500L).setAttribute("gen_ai.usage.output_tokens", 400L)
                    .startSpan().end(start.plusSeconds(3));
            tracer.spanBuilder(of("execute_tool") + " readFile").setParent(parent).setStartTimestamp(start.plusSeconds(3))
                    .setAttribute("gen_ai.operation.name", "execute_tool").setAttribute("gen_ai.tool.name", "readFile")
                    .startSpan().end(start.plusSeconds(3).plusMillis(40));
            Span failing = tracer.spanBuilder("execute_tool runCommand").setParent(parent).setStartTimestamp(start.plusSeconds(4))
                    .setAttribute("gen_ai.operation.name", "execute_tool").setAttribute("gen_ai.tool.name", "runCommand")
                    .setAttribute("error.type", "ToolError").startSpan();
            failing.setStatus(StatusCode.ERROR);
            failing.end(start.plusSeconds(6));
            agent.end(start.plusSeconds(10));
            copilot.flush();

            assertThat(rx.value("sum(traces_span_metrics_calls_total{gen_ai_operation_name=\"execute_tool\"})")).isEqualTo(2);
            assertThat(rx.value("traces_span_metrics_calls_total{status_code=\"STATUS_CODE_ERROR\"}")).isEqualTo(1);
            assertThat(rx.value("traces_span_metrics_duration_seconds_bucket{span_name=\"execute_tool readFile\",le=\"0.05\"}"))
                    .isEqualTo(1);
            assertThat(rx.value("traces_span_metrics_duration_seconds_sum{gen_ai_agent_name=\"copilot\"}")).isEqualTo(10.0);
            assertThat(rx.value("vigia_span_tokens_total{type=\"output\",gen_ai_request_model=\"gpt-4o\"}")).isEqualTo(400);
        }
    }

    @Test
    void copilotCliSpanEventsAndDeprecatedGenAiNames() throws Exception {
        try (ReceiverFixture rx = new ReceiverFixture(dir);
             SdkSender cli = new SdkSender(base(rx), of("github-copilot"), false, "none")) {
            cli.meter("github.copilot").counterBuilder(of("github.copilot.code.lines_added")).build().add(12);
            cli.meter("github.copilot").counterBuilder(of("github.copilot.tool.call.count")).build()
                    .add(2, Attributes.of(AttributeKey.stringKey("gen_ai.tool.name"), "view", AttributeKey.booleanKey("success"), true));
            Span span = cli.tracer("github.copilot").spanBuilder("chat claude-sonnet-4.5").setSpanKind(SpanKind.CLIENT)
                    .setAttribute(of("gen_ai.system"), "anthropic")
                    .setAttribute(of("gen_ai.usage.prompt_tokens"), 900L)
                    .setAttribute(of("gen_ai.usage.completion_tokens"), 80L).startSpan();
            span.addEvent(of("github.copilot.session.shutdown"),
                    Attributes.of(AttributeKey.stringKey("github.copilot.shutdown_type"), "routine"));
            span.end();
            cli.flush();

            assertThat(rx.value("vigia_assistant_lines_of_code_total{assistant=\"github-copilot\",type=\"added\"}")).isEqualTo(12);
            assertThat(rx.value("vigia_assistant_tool_calls_total{tool=\"view\",success=\"true\"}")).isEqualTo(2);
            // the deprecated names land in the same labels as their replacements
            assertThat(rx.value("vigia_span_tokens_total{type=\"input\",gen_ai_provider_name=\"anthropic\"}")).isEqualTo(900);
            assertThat(rx.value("vigia_span_tokens_total{type=\"output\"}")).isEqualTo(80);
            assertThat(rx.value("vigia_otel_events_total{event_name=\"github.copilot.session.shutdown\","
                    + "github_copilot_shutdown_type=\"routine\"}")).isEqualTo(1);
        }
    }

    @Test
    void everyFixtureNameHasASource() {
        assertThat(TelemetryNames.all()).isNotEmpty().allSatisfy((name, source) -> assertThat(source).isNotBlank());
    }

    private static Attributes decision(Attributes who, String decision) {
        return who.toBuilder().put("decision", decision).put("source", "config").put("tool_name", "Edit").put("language", "Java").build();
    }

    /** A Claude Code event: body {@code claude_code.NAME}, attribute {@code event.name} = NAME. */
    private static void event(Logger logger, String qualified, Attributes attributes) {
        String shortName = qualified.substring(qualified.indexOf('.') + 1);
        logger.logRecordBuilder().setTimestamp(Instant.now()).setBody(qualified)
                .setAllAttributes(attributes).setAttribute(AttributeKey.stringKey("event.name"), shortName).emit();
    }

    private static String base(ReceiverFixture rx) {
        return "http://127.0.0.1:" + rx.receiver.address().getPort();
    }
}
