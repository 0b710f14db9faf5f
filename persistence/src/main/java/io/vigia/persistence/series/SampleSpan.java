package io.vigia.persistence.series;

/**
 * When a set of series has samples: the first and the last sample's time, in milliseconds, both
 * inclusive. What "Zoom to data" zooms to.
 */
public record SampleSpan(long first, long last) {
    public SampleSpan {
        if (last < first) {
            throw new IllegalArgumentException("a span ends (" + last + ") before it starts (" + first + ")");
        }
    }

    /** The smallest span holding both. */
    public SampleSpan union(SampleSpan other) {
        return new SampleSpan(Math.min(first, other.first), Math.max(last, other.last));
    }
}
