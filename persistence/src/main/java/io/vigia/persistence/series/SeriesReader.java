package io.vigia.persistence.series;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Read side of a series store, the interface the embedded PromQL engine queries. Implemented by
 * the SQLite store and by in-memory stores in tests.
 */
public interface SeriesReader {

    /**
     * Every series that matches all matchers, with its samples in {@code [minTime, maxTime]}
     * (milliseconds, both inclusive), sorted by labels. Series with no sample in range may be
     * left out.
     */
    List<SeriesData> select(List<LabelMatcher> matchers, long minTime, long maxTime);

    /**
     * The series {@link #select} returns, handed over one at a time, so that a reader which reduces
     * each series on its own (a PromQL range function, an instant selector) never holds every raw
     * sample at once. Stores that decode lazily should override this; the default delegates.
     */
    default void selectEach(List<LabelMatcher> matchers, long minTime, long maxTime, Consumer<SeriesData> action) {
        for (SeriesData d : select(matchers, minTime, maxTime)) {
            action.accept(d);
        }
    }

    /** Label names present on series matching the matchers (all series when empty), sorted. */
    List<String> labelNames(List<LabelMatcher> matchers);

    /** Values of one label on series matching the matchers (all series when empty), sorted. */
    List<String> labelValues(String name, List<LabelMatcher> matchers);

    /** Label sets of the series matching the matchers, sorted. */
    List<Labels> series(List<LabelMatcher> matchers);

    /**
     * When the series matching the matchers have samples, or empty when they have none. The
     * default reads every sample; a store with an index of its chunks' times answers from it.
     */
    default Optional<SampleSpan> span(List<LabelMatcher> matchers) {
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        selectEach(matchers, Long.MIN_VALUE, Long.MAX_VALUE, d -> {
            if (d.size() > 0) {
                span[0] = Math.min(span[0], d.timestamps()[0]);
                span[1] = Math.max(span[1], d.timestamps()[d.size() - 1]);
            }
        });
        return span[0] <= span[1] ? Optional.of(new SampleSpan(span[0], span[1])) : Optional.empty();
    }
}
