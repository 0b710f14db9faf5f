package io.vigia.datasources.logs;

import io.vigia.persistence.series.Labels;

import java.util.Objects;

/** One log line with its stream's labels; {@code line} is untrusted text. */
public record LogEntry(long timestampMillis, Labels labels, String line) {
    public LogEntry {
        Objects.requireNonNull(labels);
        line = line == null ? "" : line;
    }

    /** Never the line: a record's default {@code toString} would put attacker text into logs. */
    @Override
    public String toString() {
        return "LogEntry[" + timestampMillis + " " + labels + " (" + line.length() + " chars)]";
    }
}
