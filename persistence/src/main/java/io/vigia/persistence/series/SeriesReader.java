package io.vigia.persistence.series;

import java.util.List;

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

    /** Label names present on series matching the matchers (all series when empty), sorted. */
    List<String> labelNames(List<LabelMatcher> matchers);

    /** Values of one label on series matching the matchers (all series when empty), sorted. */
    List<String> labelValues(String name, List<LabelMatcher> matchers);

    /** Label sets of the series matching the matchers, sorted. */
    List<Labels> series(List<LabelMatcher> matchers);
}
