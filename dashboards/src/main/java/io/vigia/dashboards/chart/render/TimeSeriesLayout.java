package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.axis.LinearScale;
import io.vigia.dashboards.chart.axis.TimeScale;
import java.util.List;
import java.util.Optional;

/**
 * What a time series render produced, for the UI to hit-test: the plot rectangle, both scales,
 * the series' colours and the legend entries' bounds.
 */
public record TimeSeriesLayout(Rect plot, TimeScale x, LinearScale y, List<SeriesStyle> series, List<LegendItem> legendItems) {

    public TimeSeriesLayout {
        series = List.copyOf(series);
        legendItems = List.copyOf(legendItems);
    }

    /** The series whose legend entry contains the point, if any. */
    public Optional<String> legendItemAt(double px, double py) {
        return legendItems.stream().filter(i -> i.bounds().contains(px, py)).map(LegendItem::series).findFirst();
    }

    /** The time under a pixel column, or empty outside the plot. */
    public Optional<Long> timeAt(double px) {
        if (px < plot.x() || px > plot.right()) {
            return Optional.empty();
        }
        return Optional.of(x.toTime(px));
    }
}
