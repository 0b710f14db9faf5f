package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.Expr;

import java.util.List;
import java.util.function.Consumer;

/**
 * A range-vector argument prepared once for the whole query: each series' samples and, per step,
 * the end of the left-open window {@code (windowEnd - rangeMs, windowEnd]}. With an
 * {@code anchored} or {@code smoothed} selector the series also hold the samples up to the lookback
 * delta before the window (and, smoothed, after it), which those modifiers read.
 */
public record RangeArg(Source source, long[] windowEnd, long rangeMs, Expr.SelectorModifier modifier) {

    public RangeArg(Source source, long[] windowEnd, long rangeMs) {
        this(source, windowEnd, rangeMs, Expr.SelectorModifier.NONE);
    }

    /** Hands over the argument's series one by one; selectors stream them from the store. */
    public interface Source {
        void forEach(Consumer<RawSeries> action);
    }

    static RangeArg of(List<RawSeries> series, long[] windowEnd, long rangeMs) {
        return new RangeArg(series::forEach, windowEnd, rangeMs);
    }

    public void forEach(Consumer<RawSeries> action) {
        source.forEach(action);
    }

    /** First index with {@code ts > from}. */
    public static int lowerIndex(long[] ts, long from) {
        int lo = 0;
        int hi = ts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] > from) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** First index with {@code ts > to}, i.e. the exclusive end of a window ending at {@code to}. */
    public static int upperIndex(long[] ts, long to) {
        return lowerIndex(ts, to);
    }
}
