package io.vigia.datasources.otlp;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Spans are not stored as traces: each becomes a count and a duration per operation, the way the
 * Collector's spanmetrics connector does it and under its names as Prometheus stores them
 * ({@code traces_span_metrics_calls_total}, {@code traces_span_metrics_duration_seconds_bucket},
 * labels {@code service_name}, {@code span_name}, {@code span_kind}, {@code status_code}), with
 * the GenAI attributes as extra dimensions. The semantic conventions' older and newer names both
 * land in one label: {@code gen_ai.system} (deprecated, renamed to {@code gen_ai.provider.name} in
 * semantic-conventions model/gen-ai/deprecated/registry-deprecated.yaml) and
 * {@code gen_ai.usage.prompt_tokens}/{@code completion_tokens} (renamed to
 * {@code input_tokens}/{@code output_tokens}). Token usage on spans (Copilot's {@code chat} and
 * {@code invoke_agent} spans carry it) is summed into {@code vigia_span_tokens_total{type}}.
 * Span events count as events ({@link EventCounter}): the Copilot CLI records its session
 * shutdown, abort and skill events that way.
 */
final class SpansTranslator {
    static final String CALLS = "traces_span_metrics_calls_total";
    static final String DURATION = "traces_span_metrics_duration_seconds";
    static final String TOKENS = "vigia_span_tokens_total";
    /** Seconds: agent operations run from milliseconds (a file read) to minutes (a whole agent turn). */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600};

    /** Span attribute → label; the first attribute present wins for a label. */
    private static final String[][] DIMENSIONS = {
        {"gen_ai_operation_name", "gen_ai.operation.name"},
        {"gen_ai_provider_name", "gen_ai.provider.name", "gen_ai.system"},
        {"gen_ai_request_model", "gen_ai.request.model"},
        {"gen_ai_agent_name", "gen_ai.agent.name"},
        {"gen_ai_tool_name", "gen_ai.tool.name"},
        {"error_type", "error.type"},
    };

    /** Token type → the span attributes that carry it, newest semantic-convention name first. */
    private static final String[][] TOKEN_ATTRIBUTES = {
        {"input", "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"},
        {"output", "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"},
        {"cache_read", "gen_ai.usage.cache_read.input_tokens"},
        {"cache_creation", "gen_ai.usage.cache_creation.input_tokens"},
        {"reasoning", "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens"},
    };

    private final OwnedCounters counters;
    private final EventCounter events;
    private final ContentCapture content;
    private final OwnedHistogram duration = new OwnedHistogram(DURATION, BUCKETS);

    SpansTranslator(OwnedCounters counters, EventCounter events, ContentCapture content) {
        this.counters = counters;
        this.events = events;
        this.content = content;
    }

    Rejections translate(ExportTraceServiceRequest request, long receivedAt) {
        Rejections rejected = new Rejections();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            ResourceTarget target = ResourceTarget.of(rs.getResource());
            List<Span> spans = new ArrayList<>();
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                spans.addAll(ss.getSpansList());
            }
            spans.sort(Comparator.comparingLong(Span::getEndTimeUnixNano));
            for (Span span : spans) {
                if (span.getEndTimeUnixNano() < span.getStartTimeUnixNano()) {
                    rejected.add(1, "spans that end before they start were dropped");
                    continue;
                }
                span(target, span, receivedAt);
            }
        }
        return rejected;
    }

    private void span(ResourceTarget target, Span span, long receivedAt) {
        Map<String, String> attrs = Attributes.toMap(span.getAttributesList());
        long t = MetricsTranslator.time(span.getEndTimeUnixNano(), receivedAt);
        Labels.Builder b = Labels.builder()
                .set("service_name", target.attributes().get(ResourceTarget.SERVICE_NAME))
                .set("span_name", span.getName())
                .set("span_kind", span.getKind() == Span.SpanKind.UNRECOGNIZED ? "SPAN_KIND_UNSPECIFIED" : span.getKind().name())
                .set("status_code", span.getStatus().getCode() == io.opentelemetry.proto.trace.v1.Status.StatusCode.UNRECOGNIZED
                        ? "STATUS_CODE_UNSET" : span.getStatus().getCode().name());
        for (String[] d : DIMENSIONS) {
            for (int i = 1; i < d.length; i++) {
                String v = attrs.get(d[i]);
                if (v != null && !v.isEmpty()) {
                    b.set(d[0], v);
                    break;
                }
            }
        }
        target.setTarget(b);
        Labels base = b.build();
        counters.add(base.toBuilder().set(Labels.METRIC_NAME, CALLS).build(), t, 1);
        double seconds = (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1e9;
        duration.observe(counters, base.toBuilder(), t, seconds);
        for (String[] tokens : TOKEN_ATTRIBUTES) {
            for (int i = 1; i < tokens.length; i++) {
                Double n = number(attrs.get(tokens[i]));
                if (n != null) {
                    counters.add(base.toBuilder().set(Labels.METRIC_NAME, TOKENS).set("type", tokens[0]).build(), t, n);
                    break;
                }
            }
        }
        for (Span.Event e : span.getEventsList()) {
            events.count(target, e.getName(), Attributes.toMap(e.getAttributesList()),
                    MetricsTranslator.time(e.getTimeUnixNano(), t));
        }
        content.capture(MetricsTranslator.assistant(target), span.getName(), t, attrs);
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
