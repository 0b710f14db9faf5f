package io.vigia.views.explore;

import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.persistence.series.Labels;

import java.time.Duration;
import java.util.List;

/**
 * What one run of a query produced: series for the graph (the range query), rows for the table
 * (the instant query at the range's end), log lines (a LogQL log query), and the sources' warnings.
 */
public record ExploreResult(TimeRange range, Duration step, List<TimeSeriesData> series, List<String> labelColumns,
                            List<Row> rows, List<LogRow> logs, List<String> notices) {
    public ExploreResult {
        series = List.copyOf(series);
        labelColumns = List.copyOf(labelColumns);
        rows = List.copyOf(rows);
        logs = List.copyOf(logs);
        notices = List.copyOf(notices);
    }

    /** One table row: a series' labels with its value at {@code timestamp} (ms), or a scalar or string result. */
    public record Row(Labels labels, long timestamp, String value) {
    }

    /** One log line, its timestamp in ms; the line is shown as inert text, never interpreted. */
    public record LogRow(long timestamp, Labels stream, String line) {
    }
}
