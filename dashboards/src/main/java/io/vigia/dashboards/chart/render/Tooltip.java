package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The crosshair tooltip model: for a pixel column, every visible series' value at its sample
 * nearest to that time. A pure function of the layout and the data, so the UI only draws it.
 */
public record Tooltip(long ts, double pixelX, List<Row> rows) {

    public Tooltip {
        rows = List.copyOf(rows);
    }

    /** One series in the tooltip; {@code value} is NaN where the series has a gap. */
    public record Row(String series, ChartColor color, long ts, double value, String formatted) {
    }

    /** The tooltip at pixel {@code px}, or empty outside the plot or without visible data. */
    public static Optional<Tooltip> at(TimeSeriesLayout layout, List<TimeSeriesData> data, double px, Unit unit) {
        Optional<Long> time = layout.timeAt(px);
        if (time.isEmpty()) {
            return Optional.empty();
        }
        long t = time.get();
        List<Row> rows = new ArrayList<>();
        long best = Long.MIN_VALUE;
        long bestDistance = Long.MAX_VALUE;
        for (int k = 0; k < data.size() && k < layout.series().size(); k++) {
            SeriesStyle style = layout.series().get(k);
            TimeSeriesData s = data.get(k);
            if (style.hidden()) {
                continue;
            }
            int i = s.nearestIndex(t);
            if (i < 0) {
                continue;
            }
            long ts = s.ts()[i];
            double v = s.values()[i];
            rows.add(new Row(InertText.of(s.name()), style.color(), ts, v, unit.format(v)));
            long d = Math.abs(ts - t);
            if (d < bestDistance) {
                bestDistance = d;
                best = ts;
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Tooltip(best, layout.x().toPixel(best), rows));
    }
}
