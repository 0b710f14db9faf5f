package io.vigia.datasources.logs;

import io.vigia.datasources.http.CancellationToken;
import io.vigia.persistence.evidence.GuardrailEventRepository;
import io.vigia.persistence.evidence.GuardrailEventRepository.StoredEvent;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.workspace.Workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The embedded workspace's logs: its stored guardrail decisions ({@code guardrail_events}) as one
 * log stream per label set, queried with {@link EmbeddedLogQuery}'s subset of LogQL. Each event is
 * a stream with the labels {@code job="guardrail"}, {@code app}, {@code direction},
 * {@code decision}, {@code category}, {@code detector}, {@code model} and {@code level}
 * ({@code warn} for blocked, {@code info} otherwise), and one logfmt line whose {@code prompt} is the
 * stored, already redacted prompt. Equality matchers on the stored columns run in SQL.
 */
public final class GuardrailEventLogs implements LogsSource {
    public static final String JOB = "guardrail";
    private final GuardrailEventRepository events;

    public GuardrailEventLogs(Workspace workspace) {
        this.events = new GuardrailEventRepository(workspace);
    }

    /** Whether any event is stored (so the deploy flow has lines to offer). */
    public boolean hasLines() {
        return events.count() > 0;
    }

    @Override
    public LogQueryResult queryLogs(String logql, Instant start, Instant end, int limit, CancellationToken token) {
        EmbeddedLogQuery q = EmbeddedLogQuery.parse(logql);
        Map<String, String> inSql = new LinkedHashMap<>();
        for (LabelMatcher m : q.selector()) {
            if (m.type() == LabelMatcher.Type.EQUAL && GuardrailEventRepository.LABEL_COLUMNS.contains(m.name())
                    && !inSql.containsKey(m.name())) {
                inSql.put(m.name(), m.value());
            }
        }
        int max = limit > 0 ? limit : Integer.MAX_VALUE;
        List<LogEntry> out = new ArrayList<>();
        CancellationToken t = token == null ? CancellationToken.NONE : token;
        events.scanNewestFirst(start.toEpochMilli(), end.toEpochMilli(), inSql, e -> {
            if (t.isCancelled()) {
                throw new CancellationException("log query cancelled");
            }
            Labels labels = labels(e);
            String line = line(e);
            if (q.matches(labels, line)) {
                out.add(new LogEntry(e.ts(), labels, line));
            }
            return out.size() < max;
        });
        return new LogQueryResult(out, List.of());
    }

    static Labels labels(StoredEvent e) {
        Labels.Builder b = Labels.builder().set("job", JOB).set("app", e.app()).set("direction", e.direction())
                .set("decision", e.decision()).set("category", e.category()).set("detector", e.detector())
                .set("level", "blocked".equals(e.decision()) ? "warn" : "info");
        if (e.model() != null && !e.model().isEmpty()) {
            b.set("model", e.model());
        }
        return b.build();
    }

    /**
     * logfmt: what was caught and where, then the prompt (so a panel as wide as a screen shows it),
     * then the details. Quoted with Go's escapes, so a line filter sees the text the panel shows.
     */
    static String line(StoredEvent e) {
        StringBuilder s = new StringBuilder();
        s.append("category=").append(e.category()).append(" app=").append(e.app()).append(" direction=").append(e.direction());
        if (e.redactedPrompt() != null) {
            s.append(" prompt=").append(quote(e.redactedPrompt()));
        }
        s.append(" decision=").append(e.decision()).append(" detector=").append(e.detector());
        if (e.score() != null) {
            s.append(" score=").append(String.format(Locale.ROOT, "%.3f", e.score()));
        }
        if (e.user() != null) {
            s.append(" user=").append(quoteIfNeeded(e.user()));
        }
        if (e.requestId() != null) {
            s.append(" request_id=").append(quoteIfNeeded(e.requestId()));
        }
        return s.toString();
    }

    private static String quoteIfNeeded(String v) {
        return v.matches("[A-Za-z0-9._:/@-]+") ? v : quote(v);
    }

    /** Quotes as logfmt does; control characters stay as they are (the renderers make them visible). */
    private static String quote(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
