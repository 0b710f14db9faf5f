package io.vigia.dashboards.query;

import io.vigia.dashboards.time.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one panel load is asked for.
 *
 * @param range      the range shown (the panel's own time shift is applied by the loader)
 * @param widthPx    the panel's width in pixels: Grafana's max data points, which choose the step
 * @param values     each variable's selected values
 * @param allValues  each variable's offered values ("All")
 * @param shift      an extra shift back, the result moved forward onto {@code range} (compare with the previous period)
 * @param instantsAt when instant queries are evaluated; null for the range's end
 */
public record PanelRequest(TimeRange range, int widthPx, Map<String, List<String>> values,
                           Map<String, List<String>> allValues, Duration shift, Instant instantsAt) {
    public PanelRequest {
        values = Map.copyOf(values);
        allValues = Map.copyOf(allValues);
        shift = shift == null ? Duration.ZERO : shift;
    }

    public static PanelRequest of(TimeRange range, int widthPx, Map<String, List<String>> values,
                                  Map<String, List<String>> allValues) {
        return new PanelRequest(range, widthPx, values, allValues, Duration.ZERO, null);
    }

    /** The same request one {@code by} earlier, drawn on this range. */
    public PanelRequest shiftedBack(Duration by) {
        return new PanelRequest(range, widthPx, values, allValues, shift.plus(by), instantsAt);
    }

    /** Instant queries evaluated at {@code at} instead of the range's end (a week still in progress). */
    public PanelRequest instantsAt(Instant at) {
        return new PanelRequest(range, widthPx, values, allValues, shift, at);
    }
}
