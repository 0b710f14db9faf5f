package io.vigia.dashboards.builtin;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.common.Clock;
import io.vigia.datasources.otlp.ReceiverFixture;
import io.vigia.datasources.otlp.SdkSender;

import java.time.Duration;
import java.time.Instant;

import static io.vigia.datasources.otlp.TelemetryNames.of;

/**
 * Copilot Chat (cumulative), the Copilot CLI (cumulative) and Claude Code (delta) metrics in the
 * shapes they document, sent by the real OpenTelemetry SDK and its OTLP/HTTP exporter to Vigia's
 * receiver, all on one UTC day: the SDK's clock is set, so each point carries that day's time.
 * Every instrument and service name comes from the datasources fixture of names with their
 * sources ({@code TelemetryNames}); the attribute names are those of {@code OtlpAssistantShapesTest}.
 */
final class AssistantsOverOtlp {
    /** Lines Copilot Chat (120 + 25) and the Copilot CLI (30 + 12) report added on the day: what GitHub's reports also count. */
    static final long COPILOT_LINES_ADDED = 120 + 25 + 30 + 12;
    /** Lines Claude Code reports added on the day, which GitHub's reports do not count. */
    static final long CLAUDE_LINES_ADDED = 40;

    private static final AttributeKey<String> TYPE = AttributeKey.stringKey("type");
    private static final AttributeKey<String> MODEL = AttributeKey.stringKey("model");
    private static final AttributeKey<String> LANGUAGE_ID = AttributeKey.stringKey("copilot_chat.language_id");

    private AssistantsOverOtlp() {
    }

    /** Sends two exports per assistant, at 10:00 and 15:00 UTC of {@code day} (its 00:00). */
    static void send(ReceiverFixture rx, Instant day) {
        String base = "http://127.0.0.1:" + rx.receiver.address().getPort();
        SetClock clock = new SetClock(day.plus(Duration.ofHours(9)));
        try (SdkSender chat = new SdkSender(base, of("copilot-chat"), false, "gzip", clock);
             SdkSender cli = new SdkSender(base, of("github-copilot"), false, "none", clock);
             SdkSender claude = new SdkSender(base, of("claude-code"), true, "gzip", clock)) {
            Meter chatMeter = chat.meter("copilot-chat");
            LongCounter chatSessions = chatMeter.counterBuilder(of("copilot_chat.session.count")).build();
            LongCounter edits = chatMeter.counterBuilder(of("copilot_chat.edit.acceptance.count")).build();
            LongCounter chatLines = chatMeter.counterBuilder(of("copilot_chat.lines_of_code.count")).build();
            DoubleHistogram tokens = chatMeter.histogramBuilder(of("gen_ai.client.token.usage")).setUnit("{token}").build();
            Meter cliMeter = cli.meter("github.copilot");
            LongCounter cliAdded = cliMeter.counterBuilder(of("github.copilot.code.lines_added")).build();
            LongCounter cliRemoved = cliMeter.counterBuilder(of("github.copilot.code.lines_removed")).build();
            Meter claudeMeter = claude.meter("com.anthropic.claude_code");
            LongCounter claudeSessions = claudeMeter.counterBuilder(of("claude_code.session.count")).build();
            LongCounter claudeLines = claudeMeter.counterBuilder(of("claude_code.lines_of_code.count")).build();
            LongCounter claudeTokens = claudeMeter.counterBuilder(of("claude_code.token.usage")).setUnit("tokens").build();
            LongCounter decisions = claudeMeter.counterBuilder(of("claude_code.code_edit_tool.decision")).build();

            Attributes java = Attributes.of(LANGUAGE_ID, "java", AttributeKey.stringKey("copilot_chat.edit.source"), "chat_editing");
            Attributes python = java.toBuilder().put(LANGUAGE_ID, "python").build();
            Attributes call = Attributes.of(AttributeKey.stringKey("gen_ai.operation.name"), "chat",
                    AttributeKey.stringKey("gen_ai.provider.name"), "github", AttributeKey.stringKey("gen_ai.request.model"), "gpt-4o");
            String sonnet = "claude-sonnet-4-5";

            chatSessions.add(1);
            edits.add(3, outcome(java, "accepted"));
            edits.add(1, outcome(java, "rejected"));
            edits.add(2, outcome(python, "accepted"));
            chatLines.add(120, java.toBuilder().put(TYPE, "added").build());
            chatLines.add(10, java.toBuilder().put(TYPE, "removed").build());
            tokens.record(1500, call.toBuilder().put("gen_ai.token.type", "input").build());
            tokens.record(400, call.toBuilder().put("gen_ai.token.type", "output").build());
            cliAdded.add(30);
            cliRemoved.add(5);
            claudeSessions.add(1);
            claudeLines.add(CLAUDE_LINES_ADDED, Attributes.of(TYPE, "added", MODEL, sonnet));
            claudeTokens.add(1200, Attributes.of(TYPE, "input", MODEL, sonnet));
            decisions.add(3, decision("accept"));
            decisions.add(1, decision("reject"));
            clock.set(day.plus(Duration.ofHours(10)));
            flush(chat, cli, claude);

            // the second export: cumulative totals go on from the first, deltas carry only what is new
            edits.add(1, outcome(python, "rejected"));
            chatLines.add(25, python.toBuilder().put(TYPE, "added").build());
            tokens.record(500, call.toBuilder().put("gen_ai.token.type", "input").build());
            cliAdded.add(12);
            claudeTokens.add(300, Attributes.of(TYPE, "output", MODEL, sonnet));
            decisions.add(1, decision("accept"));
            clock.set(day.plus(Duration.ofHours(15)));
            flush(chat, cli, claude);
        }
    }

    private static void flush(SdkSender... senders) {
        for (SdkSender s : senders) {
            s.flush();
        }
    }

    private static Attributes outcome(Attributes where, String outcome) {
        return where.toBuilder().put("copilot_chat.edit.outcome", outcome).build();
    }

    private static Attributes decision(String decision) {
        return Attributes.of(AttributeKey.stringKey("decision"), decision, AttributeKey.stringKey("source"), "config",
                AttributeKey.stringKey("tool_name"), "Edit", AttributeKey.stringKey("language"), "Java");
    }

    /** The SDK's clock, set by the test: the time every point and its start carry. */
    private static final class SetClock implements Clock {
        private volatile Instant at;

        SetClock(Instant at) {
            this.at = at;
        }

        void set(Instant t) {
            at = t;
        }

        @Override
        public long now() {
            return at.getEpochSecond() * 1_000_000_000L + at.getNano();
        }

        @Override
        public long nanoTime() {
            return now();
        }
    }
}
