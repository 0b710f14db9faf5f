package io.vigia.dashboards.chart.data;

/**
 * Histogram buckets over time: {@code counts[t][b]} is the count in bucket {@code b} at
 * {@code ts[t]}; {@code upperBounds[b]} is the bucket's {@code le} (ascending, the last may be
 * +Inf). NaN counts are drawn as empty cells.
 */
public record HeatmapData(long[] ts, double[] upperBounds, double[][] counts) {

    public HeatmapData {
        if (ts == null || upperBounds == null || counts == null || counts.length != ts.length) {
            throw new IllegalArgumentException("one row of counts per timestamp is required");
        }
        for (double[] row : counts) {
            if (row == null || row.length != upperBounds.length) {
                throw new IllegalArgumentException("each row needs one count per bucket");
            }
        }
    }
}
