package io.vigia.dashboards.findings;

import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of steps where a series stayed above (or below) its band, long enough to matter.
 *
 * @param fromIndex       first step outside, in the band's arrays
 * @param toIndex         last step outside (inclusive)
 * @param typical         the median of the series' values over the stretch
 * @param usual           the median of the band's median over the stretch
 * @param widthsOutside   how far the typical value is from the usual one, in band half-widths
 *                        (1 = on the edge)
 */
public record Excursion(boolean above, int fromIndex, int toIndex, long startMillis, long endMillis, double typical,
                        double usual, double widthsOutside) {

    /** Relative change of the typical value against the usual one (NaN when the usual is 0). */
    public double relativeChange() {
        return usual == 0 ? Double.NaN : (typical - usual) / Math.abs(usual);
    }

    /**
     * The excursions of a band: runs of steps outside on one side (a step without a value neither
     * ends nor extends a run), runs closer than the merge gap joined, those shorter than the
     * minimum duration dropped.
     */
    public static List<Excursion> find(Band band, long stepMs, BandSettings s) {
        List<int[]> runs = new ArrayList<>(); // {side, from, to}
        int side = 0;
        int start = -1;
        int last = -1;
        for (int i = 0; i < band.size(); i++) {
            double v = band.values()[i];
            if (!Double.isFinite(v) || !Double.isFinite(band.median()[i])) {
                continue;
            }
            int now = v > band.upper()[i] ? 1 : v < band.lower()[i] ? -1 : 0;
            if (now != side) {
                if (side != 0) {
                    runs.add(new int[] {side, start, last});
                }
                start = i;
            }
            side = now;
            last = i;
        }
        if (side != 0) {
            runs.add(new int[] {side, start, last});
        }
        List<int[]> merged = new ArrayList<>();
        for (int[] r : runs) {
            int[] prev = merged.isEmpty() ? null : merged.getLast();
            if (prev != null && prev[0] == r[0]
                    && band.timestamps()[r[1]] - band.timestamps()[prev[2]] <= s.mergeGap().toMillis() + stepMs) {
                prev[2] = r[2];
            } else {
                merged.add(r.clone());
            }
        }
        List<Excursion> out = new ArrayList<>();
        for (int[] r : merged) {
            long startMs = band.timestamps()[r[1]];
            long endMs = band.timestamps()[r[2]] + stepMs;
            if (endMs - startMs < s.minDuration().toMillis()) {
                continue;
            }
            out.add(describe(band, r[0] > 0, r[1], r[2], startMs, endMs));
        }
        return out;
    }

    private static Excursion describe(Band band, boolean above, int from, int to, long startMs, long endMs) {
        double[] vs = new double[to - from + 1];
        double[] us = new double[vs.length];
        double[] ws = new double[vs.length];
        int n = 0;
        for (int i = from; i <= to; i++) {
            if (Double.isFinite(band.values()[i]) && Double.isFinite(band.median()[i])) {
                vs[n] = band.values()[i];
                us[n] = band.median()[i];
                ws[n] = (band.upper()[i] - band.median()[i]);
                n++;
            }
        }
        double typical = SeasonalBand.median(vs, n);
        double usual = SeasonalBand.median(us, n);
        double width = SeasonalBand.median(ws, n);
        double widths = width > 0 ? Math.abs(typical - usual) / width : Double.POSITIVE_INFINITY;
        return new Excursion(above, from, to, startMs, endMs, typical, usual, widths);
    }
}
