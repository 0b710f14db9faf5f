package io.vigia.dashboards.chart.render;

import io.vigia.persistence.series.SortedLongs;
import io.vigia.dashboards.chart.data.TimeSeriesData;

/** Legend statistics of a series over a time range, ignoring gaps; NaN when there is no value. */
public record SeriesStats(double last, double mean, double max, double min, int count) {

    public static SeriesStats of(TimeSeriesData s, long from, long to) {
        int lo = SortedLongs.lowerBound(s.ts(), from);
        int hi = SortedLongs.upperBound(s.ts(), to);
        double last = Double.NaN;
        double sum = 0;
        double max = Double.NaN;
        double min = Double.NaN;
        int count = 0;
        double[] v = s.values();
        for (int i = lo; i < hi; i++) {
            double x = v[i];
            if (Double.isNaN(x)) {
                continue;
            }
            last = x;
            sum += x;
            max = count == 0 ? x : Math.max(max, x);
            min = count == 0 ? x : Math.min(min, x);
            count++;
        }
        return new SeriesStats(last, count == 0 ? Double.NaN : sum / count, max, min, count);
    }
}
