package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.data.TimeSeriesData;

import java.time.Duration;
import java.util.List;

/**
 * What one panel refresh produced: its series ready for the chart (legend names applied, time
 * shift undone) with the refId of the query each came from, the step used, the sources' warnings and infos, and the error of each query that
 * failed (the others are still shown), and when some of it came from the cache instead of the
 * source, the oldest fetch time.
 */
public record PanelData(List<TimeSeriesData> series, List<String> refIds, Duration step, List<String> notices,
                        List<String> errors, java.time.Instant staleSince) {
    public PanelData {
        series = List.copyOf(series);
        refIds = List.copyOf(refIds);
        if (refIds.size() != series.size()) {
            throw new IllegalArgumentException("one refId per series");
        }
        notices = List.copyOf(notices);
        errors = List.copyOf(errors);
    }

    public PanelData(List<TimeSeriesData> series, List<String> refIds, Duration step, List<String> notices, List<String> errors) {
        this(series, refIds, step, notices, errors, null);
    }

    /** True when some of the data is not a fresh answer but the cache's, fetched at {@link #staleSince()}. */
    public boolean isStale() {
        return staleSince != null;
    }
}
