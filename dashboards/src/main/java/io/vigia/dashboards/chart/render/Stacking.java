package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.data.TimeSeriesData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stacks series on the union of their timestamps. A series without a value at a timestamp
 * (missing, or NaN) adds nothing there, so the stack never dips through a gap of one member;
 * its own band is zero-high at that point.
 */
public final class Stacking {

    private Stacking() {
    }

    /** One stacked band: at each timestamp the band spans [lower, upper]. */
    public record Band(String name, int sourceIndex, long[] ts, double[] lower, double[] upper) {
    }

    public static List<Band> stack(List<TimeSeriesData> series) {
        long[] union = unionTimestamps(series);
        double[] running = new double[union.length];
        List<Band> bands = new ArrayList<>(series.size());
        for (int k = 0; k < series.size(); k++) {
            TimeSeriesData s = series.get(k);
            double[] lower = running.clone();
            double[] upper = running.clone();
            int j = 0;
            for (int i = 0; i < union.length; i++) {
                while (j < s.size() && s.ts()[j] < union[i]) {
                    j++;
                }
                double add = 0;
                // several samples at one timestamp: the last wins, as in a Prometheus matrix
                while (j < s.size() && s.ts()[j] == union[i]) {
                    double v = s.values()[j];
                    add = Double.isNaN(v) ? 0 : v;
                    j++;
                }
                upper[i] = running[i] + add;
            }
            running = upper.clone();
            bands.add(new Band(s.name(), k, union, lower, upper));
        }
        return bands;
    }

    static long[] unionTimestamps(List<TimeSeriesData> series) {
        long[] merged = new long[0];
        for (TimeSeriesData s : series) {
            long[] a = merged;
            long[] b = s.ts();
            long[] out = new long[a.length + b.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < a.length || j < b.length) {
                long next;
                if (j >= b.length || (i < a.length && a[i] <= b[j])) {
                    next = a[i++];
                } else {
                    next = b[j++];
                }
                if (n == 0 || out[n - 1] != next) {
                    out[n++] = next;
                }
            }
            merged = Arrays.copyOf(out, n);
        }
        return merged;
    }
}
