package io.vigia.views.explore;

/** A query that was run: its text, the source it ran on, and when (epoch milliseconds). */
public record HistoryEntry(String expr, String source, long ranAt) {
    boolean sameQuery(HistoryEntry o) {
        return expr.equals(o.expr) && source.equals(o.source);
    }
}
