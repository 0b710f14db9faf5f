package io.vigia.dashboards.chart.data;

/** One log line for the logs panel; {@code level} may be empty. The text is untrusted. */
public record LogLine(long ts, String level, String line) {

    public LogLine {
        level = level == null ? "" : level;
        line = line == null ? "" : line;
    }
}
