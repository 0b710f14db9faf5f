package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.Rect;
import java.util.List;
import java.util.Optional;

/** Where each bar was drawn, for hover and click. */
public record BarLayout(Rect plot, List<Bar> bars, List<LegendItem> legendItems) {

    public BarLayout {
        bars = List.copyOf(bars);
        legendItems = List.copyOf(legendItems);
    }

    /** One drawn bar; {@code lower}/{@code upper} are its extent in values (stacked bars start above zero). */
    public record Bar(String category, String series, double value, double lower, double upper, Rect bounds) {
    }

    public Optional<Bar> barAt(double px, double py) {
        return bars.stream().filter(b -> b.bounds().contains(px, py)).findFirst();
    }
}
