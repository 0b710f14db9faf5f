package io.vigia.datasources.promql;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.datasources.promql.parser.ParseException;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SampleSpan;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SeriesReader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The embedded PromQL engine as a {@link MetricsSource}, over the local series store. */
public final class LocalPromqlSource implements MetricsSource {
    private final String name;
    private final SeriesReader reader;
    private final PromqlEngine engine;

    /** The engine with a default Prometheus server's language features. */
    public LocalPromqlSource(String name, SeriesReader reader) {
        this(name, reader, PromqlFeatures.DEFAULTS);
    }

    /** The engine with the given language features (Prometheus's {@code --enable-feature} switches). */
    public LocalPromqlSource(String name, SeriesReader reader, PromqlFeatures features) {
        this.name = name;
        this.reader = reader;
        this.engine = new PromqlEngine(reader, features);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public QueryResponse query(String expr, Instant time) throws QueryException {
        return engine.instantQuery(expr, time.toEpochMilli());
    }

    @Override
    public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) throws QueryException {
        return engine.rangeQuery(expr, start.toEpochMilli(), end.toEpochMilli(), step.toMillis());
    }

    @Override
    public List<Labels> series(List<String> matchers, Instant start, Instant end) throws QueryException {
        if (matchers.isEmpty()) {
            throw new QueryException("bad_data", "no match[] parameter provided");
        }
        TreeSet<Labels> out = new TreeSet<>();
        for (List<LabelMatcher> ms : parseAll(matchers)) {
            out.addAll(select(ms, start, end));
        }
        return new ArrayList<>(out);
    }

    @Override
    public List<String> labelNames(List<String> matchers, Instant start, Instant end) throws QueryException {
        if (matchers.isEmpty() && start == null && end == null) {
            return reader.labelNames(List.of());
        }
        TreeSet<String> out = new TreeSet<>();
        for (List<LabelMatcher> ms : matchersOrAll(matchers)) {
            for (Labels l : select(ms, start, end)) {
                out.addAll(l.names());
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end)
            throws QueryException {
        if (matchers.isEmpty() && start == null && end == null) {
            return reader.labelValues(label, List.of());
        }
        TreeSet<String> out = new TreeSet<>();
        for (List<LabelMatcher> ms : matchersOrAll(matchers)) {
            for (Labels l : select(ms, start, end)) {
                if (l.has(label)) {
                    out.add(l.get(label));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Exact sample times from the store's chunk index, clipped to the window. */
    @Override
    public Optional<SampleSpan> sampleSpan(List<String> selectors, Instant from, Instant to) throws QueryException {
        Optional<SampleSpan> span = parseAll(selectors).stream().map(reader::span).flatMap(Optional::stream)
                .reduce(SampleSpan::union);
        long lo = from.toEpochMilli();
        long hi = to.toEpochMilli();
        return span.filter(s -> s.last() >= lo && s.first() <= hi)
                .map(s -> new SampleSpan(Math.max(lo, s.first()), Math.min(hi, s.last())));
    }

    private List<List<LabelMatcher>> matchersOrAll(List<String> matchers) {
        if (matchers.isEmpty()) {
            return List.of(List.of(LabelMatcher.regex(Labels.METRIC_NAME, ".+")));
        }
        return parseAll(matchers);
    }

    /** Series with a sample in {@code [start, end]}; without bounds, every matching series. */
    private List<Labels> select(List<LabelMatcher> ms, Instant start, Instant end) {
        if (start == null && end == null) {
            return reader.series(ms);
        }
        long from = start == null ? Long.MIN_VALUE : start.toEpochMilli();
        long to = end == null ? Long.MAX_VALUE : end.toEpochMilli();
        List<Labels> out = new ArrayList<>();
        for (SeriesData d : reader.select(ms, from, to)) {
            if (d.size() > 0) {
                out.add(d.labels());
            }
        }
        return out;
    }

    private static List<List<LabelMatcher>> parseAll(List<String> matchers) {
        List<List<LabelMatcher>> out = new ArrayList<>();
        for (String m : matchers) {
            try {
                out.add(Parser.parseMatchers(m));
            } catch (ParseException e) {
                throw new QueryException("bad_data", "invalid parameter \"match[]\": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
