package io.vigia.datasources.logs;

import java.util.List;

/** The lines of a LogQL log query, newest first, with the source's warnings. */
public record LogQueryResult(List<LogEntry> entries, List<String> warnings) {
    public LogQueryResult {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
