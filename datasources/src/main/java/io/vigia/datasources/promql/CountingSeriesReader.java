package io.vigia.datasources.promql;

import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SeriesReader;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A {@link SeriesReader} that counts the series and samples one query reads through it, for the
 * API's {@code stats} and Vigia's own {@code /metrics}. One per query: wrap the store, evaluate,
 * read the counts.
 */
public final class CountingSeriesReader implements SeriesReader {
    private final SeriesReader delegate;
    private final LongAdder series = new LongAdder();
    private final LongAdder samples = new LongAdder();

    public CountingSeriesReader(SeriesReader delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<SeriesData> select(List<LabelMatcher> matchers, long minTime, long maxTime) {
        List<SeriesData> out = delegate.select(matchers, minTime, maxTime);
        out.forEach(this::count);
        return out;
    }

    @Override
    public void selectEach(List<LabelMatcher> matchers, long minTime, long maxTime, Consumer<SeriesData> action) {
        delegate.selectEach(matchers, minTime, maxTime, d -> {
            count(d);
            action.accept(d);
        });
    }

    private void count(SeriesData d) {
        series.increment();
        samples.add(d.size());
    }

    @Override
    public List<String> labelNames(List<LabelMatcher> matchers) {
        return delegate.labelNames(matchers);
    }

    @Override
    public List<String> labelValues(String name, List<LabelMatcher> matchers) {
        return delegate.labelValues(name, matchers);
    }

    @Override
    public List<Labels> series(List<LabelMatcher> matchers) {
        return delegate.series(matchers);
    }

    public long seriesRead() {
        return series.sum();
    }

    public long samplesRead() {
        return samples.sum();
    }
}
