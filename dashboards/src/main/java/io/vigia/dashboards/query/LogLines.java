package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.datasources.logs.LogEntry;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Log entries as the logs panel draws them, with a level as Grafana finds one: a {@code level},
 * {@code detected_level}, {@code severity} or {@code lvl} label, else {@code level=…} (logfmt) or
 * {@code "level":"…"} (JSON) in the line, else a leading level word.
 */
public final class LogLines {
    private static final List<String> LEVEL_LABELS = List.of("level", "detected_level", "severity", "lvl");
    private static final Pattern IN_LINE = Pattern.compile(
            "(?i)(?:\\blevel=\"?|\"level\"\\s*:\\s*\")(trace|debug|info|notice|warn|warning|error|err|critical|crit|fatal)\\b");
    private static final Pattern LEADING = Pattern.compile(
            "^\\s*\\[?(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRITICAL|CRIT|FATAL)\\b");
    /** Only the start of a long line is searched: a megabyte of attacker text is not scanned for a level. */
    private static final int SCAN = 512;

    private LogLines() {
    }

    public static List<LogLine> of(List<LogEntry> entries) {
        List<LogLine> out = new ArrayList<>(entries.size());
        for (LogEntry e : entries) {
            out.add(new LogLine(e.timestampMillis(), level(e.labels(), e.line()), e.line()));
        }
        return out;
    }

    public static String level(Labels labels, String line) {
        for (String name : LEVEL_LABELS) {
            String v = labels.get(name);
            if (v != null && !v.isEmpty()) {
                return v.toLowerCase(Locale.ROOT);
            }
        }
        String head = line.length() > SCAN ? line.substring(0, SCAN) : line;
        Matcher m = IN_LINE.matcher(head);
        if (m.find()) {
            return m.group(1).toLowerCase(Locale.ROOT);
        }
        m = LEADING.matcher(head);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }
}
