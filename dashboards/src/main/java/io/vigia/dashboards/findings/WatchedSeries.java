package io.vigia.dashboards.findings;

import java.time.Duration;
import java.util.Objects;

/**
 * A series the anomaly rule watches: a PromQL range query (one or more series, named by the
 * legend format), its unit (a Grafana unit id), the dashboard that charts it, which way of leaving
 * the band is a problem, the band settings, and how long before an excursion a change counts as
 * its possible cause.
 *
 * @param spike    when set, an excursion of this series is itself a change event of that kind (a
 *                 guardrail spike) that later anomalies may be linked to
 * @param coverage for series over a long trailing window (a day): a query with one series that
 *                 exists at a step when the underlying data does; a step whose trailing
 *                 {@code window} misses any of it (an exporter down) has no value, since a ratio of
 *                 increases over part of the window is not the usual day's ratio. Null: no check
 */
public record WatchedSeries(String id, String title, String expr, String legendFormat, String unit, String dashboardUid,
                            Direction direction, BandSettings band, Duration causeWindow, ChangeEvent.Kind spike,
                            String coverage, Duration window) {
    /** Which excursions are findings. */
    public enum Direction { UP, DOWN, BOTH;

        boolean accepts(boolean above) {
            return this == BOTH || (this == UP) == above;
        }
    }

    public WatchedSeries {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(causeWindow, "causeWindow");
        legendFormat = legendFormat == null ? "" : legendFormat;
        unit = unit == null ? "" : unit;
        window = window == null ? Duration.ZERO : window;
    }
}
