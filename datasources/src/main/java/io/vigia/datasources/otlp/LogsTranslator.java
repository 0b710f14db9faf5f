package io.vigia.datasources.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * OTLP log records into event counts ({@link EventCounter}); the records themselves are not kept.
 * A record's event name is, in order: the {@code event_name} field (OTLP 1.5+); the attribute
 * {@code event.name} — widened to the body when the body is a string ending in
 * {@code "." + event.name}, since Claude Code sends {@code event.name=tool_decision} with the body
 * {@code claude_code.tool_decision} (its bundled code, function building the log record), while
 * Copilot Chat puts the full {@code copilot_chat.edit.feedback} in {@code event.name}. Records with
 * no event name are counted as {@code log} by {@code severity} (text, else number), so plain logs still show up.
 */
final class LogsTranslator {
    private final EventCounter events;
    private final ContentCapture content;

    LogsTranslator(EventCounter events, ContentCapture content) {
        this.events = events;
        this.content = content;
    }

    Rejections translate(ExportLogsServiceRequest request, long receivedAt) {
        for (ResourceLogs rl : request.getResourceLogsList()) {
            ResourceTarget target = ResourceTarget.of(rl.getResource());
            List<LogRecord> records = new ArrayList<>();
            for (ScopeLogs sl : rl.getScopeLogsList()) {
                records.addAll(sl.getLogRecordsList());
            }
            // counts are written in time order: a counter never goes back
            records.sort(Comparator.comparingLong(r -> time(r, receivedAt)));
            for (LogRecord r : records) {
                Map<String, String> attrs = Attributes.toMap(r.getAttributesList());
                long t = time(r, receivedAt);
                String event = eventName(r, attrs);
                if (event == null) {
                    String severity = r.getSeverityText().isEmpty() ? r.getSeverityNumber().name() : r.getSeverityText();
                    events.count(target, "log", Map.of("severity", severity), t);
                } else {
                    events.count(target, event, attrs, t);
                }
                content.capture(MetricsTranslator.assistant(target), event == null ? "log" : event, t, attrs);
            }
        }
        return new Rejections();
    }

    static String eventName(LogRecord r, Map<String, String> attrs) {
        if (!r.getEventName().isEmpty()) {
            return r.getEventName();
        }
        String name = attrs.get("event.name");
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (r.getBody().getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
            String body = r.getBody().getStringValue();
            if (body.endsWith("." + name) && body.length() <= 200 && body.indexOf(' ') < 0) {
                return body;
            }
        }
        return name;
    }

    private static long time(LogRecord r, long receivedAt) {
        long nanos = r.getTimeUnixNano() != 0 ? r.getTimeUnixNano() : r.getObservedTimeUnixNano();
        return MetricsTranslator.time(nanos, receivedAt);
    }
}
