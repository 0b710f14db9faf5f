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
                        List<String> errors, java.time.Instant staleSince, List<io.vigia.dashboards.chart.data.LogLine> logs) {
    public PanelData {
        logs = logs == null ? List.of() : List.copyOf(logs);
        series = List.copyOf(series);
        refIds = List.copyOf(refIds);
        if (refIds.size() != series.size()) {
            throw new IllegalArgumentException("one refId per series");
        }
        notices = List.copyOf(notices);
        errors = List.copyOf(errors);
    }

    /** The refId suffix and name suffix of a series drawn for the previous period (an overlay). */
    public static final String PREVIOUS_PERIOD_REF = "@previous";
    public static final String PREVIOUS_PERIOD_NAME = " (previous period)";

    public PanelData(List<TimeSeriesData> series, List<String> refIds, Duration step, List<String> notices, List<String> errors) {
        this(series, refIds, step, notices, errors, null);
    }

    /** Without log lines. */
    public PanelData(List<TimeSeriesData> series, List<String> refIds, Duration step, List<String> notices, List<String> errors,
                     java.time.Instant staleSince) {
        this(series, refIds, step, notices, errors, staleSince, List.of());
    }

    /** The log lines of a logs panel, newest first. */
    public static PanelData ofLogs(List<io.vigia.dashboards.chart.data.LogLine> lines, List<String> notices, List<String> errors) {
        return new PanelData(List.of(), List.of(), Duration.ZERO, notices, errors, null, lines);
    }

    /**
     * This data with {@code previous} (the same panel loaded one range length earlier, shifted back
     * onto this range) added as overlay series named "… (previous period)".
     */
    public PanelData withPreviousPeriod(PanelData previous) {
        List<TimeSeriesData> s = new java.util.ArrayList<>(series);
        List<String> r = new java.util.ArrayList<>(refIds);
        for (int i = 0; i < previous.series().size(); i++) {
            TimeSeriesData d = previous.series().get(i);
            s.add(new TimeSeriesData(d.name() + PREVIOUS_PERIOD_NAME, d.ts(), d.values()));
            r.add(previous.refIds().get(i) + PREVIOUS_PERIOD_REF);
        }
        List<String> n = new java.util.ArrayList<>(notices);
        previous.errors().forEach(e -> n.add("previous period: " + e));
        java.time.Instant st = staleSince == null ? previous.staleSince()
                : previous.staleSince() == null || staleSince.isBefore(previous.staleSince()) ? staleSince : previous.staleSince();
        return new PanelData(s, r, step, n, errors, st, logs);
    }

    /** True when some of the data is not a fresh answer but the cache's, fetched at {@link #staleSince()}. */
    public boolean isStale() {
        return staleSince != null;
    }
}
