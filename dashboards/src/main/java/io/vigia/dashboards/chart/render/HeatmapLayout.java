package io.vigia.dashboards.chart.render;

import java.util.Arrays;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.axis.TimeScale;
import java.util.Optional;

/** The heatmap's plot, for hit-testing a cell. */
public record HeatmapLayout(Rect plot, TimeScale x, long[] ts, int buckets) {

    /** A cell: index into the timestamps and into the buckets. */
    public record Cell(int timeIndex, int bucketIndex) {
    }

    public Optional<Cell> cellAt(double px, double py) {
        if (!plot.contains(px, py) || ts.length == 0 || buckets == 0) {
            return Optional.empty();
        }
        int b = (int) Math.floor((plot.bottom() - py) / plot.height() * buckets);
        long t = x.toTime(px);
        int i = Arrays.binarySearch(ts, t);
        i = i >= 0 ? i : Math.max(0, -i - 2); // the cell starting at or before t
        return Optional.of(new Cell(Math.min(i, ts.length - 1), Math.min(Math.max(b, 0), buckets - 1)));
    }
}
