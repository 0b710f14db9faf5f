package io.vigia.dashboards.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A drift score per window against one baseline window, for a drift-over-time chart. */
public final class DriftOverTime {
    private final DriftAnalyzer analyzer;

    public DriftOverTime(DriftAnalyzer analyzer) {
        if (analyzer == null) {
            throw new IllegalArgumentException("analyzer is required");
        }
        this.analyzer = analyzer;
    }

    /**
     * Splits {@code [from, to)} into consecutive windows of {@code windowMillis} (the last one
     * shorter if the span is not a multiple) and compares each window's samples with the samples
     * in {@code [baselineFrom, baselineTo)}. Timestamps need not be sorted. A window with fewer
     * than {@link DriftAnalyzer#MIN_SAMPLES} samples gets no score (an empty drift).
     */
    public List<WindowDrift> samples(long[] timestamps, double[] values, long baselineFrom, long baselineTo,
            long from, long to, long windowMillis) {
        if (timestamps == null || values == null || timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values must be given, of the same length");
        }
        if (baselineTo <= baselineFrom) {
            throw new IllegalArgumentException("baseline window is empty: [" + baselineFrom + ", " + baselineTo + ")");
        }
        if (to <= from) {
            throw new IllegalArgumentException("analysis range is empty: [" + from + ", " + to + ")");
        }
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window length must be > 0 ms: " + windowMillis);
        }
        long windowCount = (to - from + windowMillis - 1) / windowMillis;
        if (windowCount > 100_000) {
            throw new IllegalArgumentException("too many windows (" + windowCount + "); use longer windows");
        }
        double[] baseline = select(timestamps, values, baselineFrom, baselineTo);
        if (baseline.length < DriftAnalyzer.MIN_SAMPLES) {
            throw new IllegalArgumentException("baseline window [" + baselineFrom + ", " + baselineTo + ") has "
                    + (baseline.length == 0 ? "no samples" : "too few samples (" + baseline.length + ")"));
        }
        // bucket the samples once by window index rather than scanning per window
        int n = (int) windowCount;
        int[] sizes = new int[n];
        for (int i = 0; i < timestamps.length; i++) {
            int w = windowOf(timestamps[i], values[i], from, to, windowMillis);
            if (w >= 0) {
                sizes[w]++;
            }
        }
        double[][] byWindow = new double[n][];
        for (int w = 0; w < n; w++) {
            byWindow[w] = new double[sizes[w]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < timestamps.length; i++) {
            int w = windowOf(timestamps[i], values[i], from, to, windowMillis);
            if (w >= 0) {
                byWindow[w][fill[w]++] = values[i];
            }
        }
        List<WindowDrift> out = new ArrayList<>(n);
        for (int w = 0; w < n; w++) {
            long start = from + w * windowMillis;
            long end = Math.min(start + windowMillis, to);
            Optional<SampleDrift> drift = sizes[w] < DriftAnalyzer.MIN_SAMPLES ? Optional.empty() : Optional.of(analyzer.samples(baseline, byWindow[w]));
            out.add(new WindowDrift(start, end, sizes[w], drift));
        }
        return out;
    }

    /** Compares each histogram with the baseline histogram (same buckets required). */
    public List<HistogramWindowDrift> histograms(Histogram baseline, List<TimedHistogram> windows) {
        if (baseline == null || windows == null) {
            throw new IllegalArgumentException("baseline and windows are required");
        }
        List<HistogramWindowDrift> out = new ArrayList<>(windows.size());
        for (TimedHistogram t : windows) {
            double total = t.histogram().total();
            Optional<HistogramDrift> drift = total == 0 ? Optional.empty() : Optional.of(analyzer.histograms(baseline, t.histogram()));
            out.add(new HistogramWindowDrift(t.timestamp(), total, drift));
        }
        return out;
    }

    private static int windowOf(long ts, double v, long from, long to, long windowMillis) {
        if (Double.isNaN(v) || ts < from || ts >= to) {
            return -1;
        }
        return (int) ((ts - from) / windowMillis);
    }

    private static double[] select(long[] ts, double[] values, long from, long to) {
        double[] out = new double[values.length];
        int n = 0;
        for (int i = 0; i < ts.length; i++) {
            if (ts[i] >= from && ts[i] < to && !Double.isNaN(values[i])) {
                out[n++] = values[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
