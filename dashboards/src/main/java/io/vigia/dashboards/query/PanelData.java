package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.data.TimeSeriesData;

import java.time.Duration;
import java.util.List;

/**
 * What one panel refresh produced: its series ready for the chart (legend names applied, time
 * shift undone), the step used, the sources' warnings and infos, and the error of each query that
 * failed (the others are still shown).
 */
public record PanelData(List<TimeSeriesData> series, Duration step, List<String> notices, List<String> errors) {
    public PanelData {
        series = List.copyOf(series);
        notices = List.copyOf(notices);
        errors = List.copyOf(errors);
    }
}
