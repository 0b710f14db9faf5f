package io.vigia.datasources.cache;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.instrument.VigiaMetrics;
import io.vigia.datasources.http.RemoteException;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.workspace.QueryCacheRepository;
import io.vigia.persistence.workspace.QueryCacheRepository.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A remote source with its results kept in the workspace.
 * <ul>
 * <li>A range query inside a range fetched earlier, ending at least {@value #SETTLE_MS} ms before
 * that fetch (so its samples are settled), is answered from the cache: panning and zooming inside it
 * send no request. Zooming in re-uses the cached step while it still gives at least
 * {@value #MIN_POINTS} points across the range; deeper zooms fetch finer data.</li>
 * <li>Every answer the server gives is stored.</li>
 * <li>When the server cannot be reached, the best cached overlap is returned instead, marked
 * stale with the time it was fetched, with the failure as a warning.</li>
 * <li>{@link #cacheOnly()} answers only from the cache, stale-marked: a dashboard paints that at
 * once while the real requests run.</li>
 * </ul>
 */
public final class CachingMetricsSource implements MetricsSource {
    static final int MIN_POINTS = 200;
    /**
     * How long after a moment its samples are taken as complete: a scrape interval or two, plus
     * rule evaluation; a range ending later than this before its fetch is fetched again.
     */
    static final long SETTLE_MS = 2 * 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(CachingMetricsSource.class);

    private final String sourceName;
    private final MetricsSource delegate;
    private final QueryCacheRepository cache;
    private final Clock clock;
    private final VigiaMetrics metrics;

    public CachingMetricsSource(String sourceName, MetricsSource delegate, QueryCacheRepository cache, Clock clock) {
        this(sourceName, delegate, cache, clock, VigiaMetrics.NONE);
    }

    /** @param metrics told whether each range query was answered from the cache (Vigia's own {@code /metrics}) */
    public CachingMetricsSource(String sourceName, MetricsSource delegate, QueryCacheRepository cache, Clock clock,
                                VigiaMetrics metrics) {
        this.metrics = metrics;
        this.sourceName = sourceName;
        this.delegate = delegate;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Optional<Duration> minInterval() {
        return delegate.minInterval();
    }

    @Override
    public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) throws QueryException {
        long s = start.toEpochMilli();
        long e = end.toEpochMilli();
        long maxStep = Math.max(step.toMillis(), (e - s) / MIN_POINTS);
        Optional<Entry> settled = entries(expr).stream()
                .filter(x -> x.stepMs() > 0 && x.covers(s, e) && x.stepMs() <= maxStep && e <= x.fetchedAt() - SETTLE_MS)
                .min(Comparator.comparingLong(Entry::stepMs));
        if (settled.isPresent()) {
            Optional<QueryResult> r = load(settled.get()).map(x -> slice(x, s, e));
            if (r.isPresent()) {
                metrics.cacheLookup(true);
                return new QueryResponse(r.get(), List.of(), List.of());
            }
        }
        metrics.cacheLookup(false);
        try {
            QueryResponse live = delegate.queryRange(expr, start, end, step);
            store(new Entry(sourceName, expr, step.toMillis(), s, e, clock.millis(), 0), live.result());
            return live;
        } catch (RemoteException ex) {
            return fallback(expr, s, e, true, ex);
        }
    }

    @Override
    public QueryResponse query(String expr, Instant time) throws QueryException {
        long t = time.toEpochMilli();
        try {
            QueryResponse live = delegate.query(expr, time);
            store(new Entry(sourceName, expr, QueryCacheRepository.INSTANT, t, t, clock.millis(), 0), live.result());
            return live;
        } catch (RemoteException ex) {
            return fallback(expr, t, t, false, ex);
        }
    }

    /** The best cached data for a failed request, stale-marked; the failure itself when there is none. */
    private QueryResponse fallback(String expr, long s, long e, boolean range, RemoteException failure) {
        if (!isUnavailable(failure)) {
            throw failure;
        }
        Optional<QueryResponse> cached = cached(expr, s, e, range);
        if (cached.isEmpty()) {
            throw failure;
        }
        QueryResponse c = cached.get();
        List<String> warnings = new ArrayList<>(c.warnings());
        warnings.add("showing data cached " + c.staleSince() + ": " + failure.getMessage());
        return new QueryResponse(c.result(), warnings, c.infos(), c.staleSince());
    }

    /** Connection failures, timeouts, 5xx and rate limits: the cases where old data beats none. */
    private static boolean isUnavailable(RemoteException e) {
        return switch (e.kind()) {
            case DNS, CONNECTION_REFUSED, CONNECTION, TIMEOUT, RATE_LIMITED -> true;
            case HTTP_STATUS -> e.httpStatus() >= 500;
            default -> false;
        };
    }

    private Optional<QueryResponse> cached(String expr, long s, long e, boolean range) {
        List<Entry> candidates = entries(expr).stream()
                .filter(x -> range ? x.stepMs() > 0 && x.overlap(s, e) > 0 : x.stepMs() == QueryCacheRepository.INSTANT)
                .sorted(range
                        ? Comparator.comparingLong((Entry x) -> x.overlap(s, e)).reversed().thenComparing(Comparator.comparingLong(Entry::fetchedAt).reversed())
                        : Comparator.comparingLong(Entry::fetchedAt).reversed())
                .toList();
        for (Entry x : candidates) {
            Optional<QueryResult> r = load(x).map(res -> range ? slice(res, s, e) : res);
            if (r.isPresent()) {
                return Optional.of(new QueryResponse(r.get(), List.of(), List.of(), Instant.ofEpochMilli(x.fetchedAt())));
            }
        }
        return Optional.empty();
    }

    /**
     * This source answering only from the cache (stale-marked, whatever the freshness), and
     * failing with a {@code not_cached} error otherwise; it never sends a request.
     */
    public MetricsSource cacheOnly() {
        return new MetricsSource() {
            @Override
            public String name() {
                return delegate.name() + " (cache)";
            }

            @Override
            public Optional<Duration> minInterval() {
                return delegate.minInterval();
            }

            @Override
            public QueryResponse query(String expr, Instant time) {
                return cached(expr, time.toEpochMilli(), time.toEpochMilli(), false)
                        .orElseThrow(() -> new QueryException("not_cached", "nothing cached for this query"));
            }

            @Override
            public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) {
                return cached(expr, start.toEpochMilli(), end.toEpochMilli(), true)
                        .orElseThrow(() -> new QueryException("not_cached", "nothing cached for this query"));
            }

            @Override
            public List<Labels> series(List<String> matchers, Instant start, Instant end) {
                throw new QueryException("not_cached", "series are not cached");
            }

            @Override
            public List<String> labelNames(List<String> matchers, Instant start, Instant end) {
                throw new QueryException("not_cached", "label names are not cached");
            }

            @Override
            public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) {
                throw new QueryException("not_cached", "label values are not cached");
            }
        };
    }

    private List<Entry> entries(String expr) {
        try {
            return cache.entries(sourceName, expr);
        } catch (RuntimeException ex) {
            LOG.warn("query cache unreadable: {}", ex.getMessage());
            return List.of();
        }
    }

    private Optional<QueryResult> load(Entry x) {
        try {
            return cache.payload(x).map(QueryResultCodec::decode);
        } catch (RuntimeException ex) {
            LOG.warn("query cache entry unreadable, ignored: {}", ex.getMessage());
            return Optional.empty();
        }
    }

    private void store(Entry x, QueryResult r) {
        try {
            byte[] payload = QueryResultCodec.encode(r);
            cache.put(new Entry(x.source(), x.expr(), x.stepMs(), x.startMs(), x.endMs(), x.fetchedAt(), payload.length), payload);
        } catch (RuntimeException ex) {
            // a result the cache cannot hold (a label over 64 KB, a full disk) is still shown
            LOG.warn("query result not cached: {}", ex.getMessage());
        }
    }

    /** The part of a range result inside [s, e]; other result types as they are. */
    static QueryResult slice(QueryResult r, long s, long e) {
        if (!(r instanceof QueryResult.Matrix m)) {
            return r;
        }
        List<QueryResult.RangeSeries> out = new ArrayList<>(m.series().size());
        for (QueryResult.RangeSeries series : m.series()) {
            long[] ts = series.timestamps();
            int from = lowerBound(ts, s);
            int to = lowerBound(ts, e + 1);
            if (to > from) {
                out.add(new QueryResult.RangeSeries(series.labels(), Arrays.copyOfRange(ts, from, to),
                        Arrays.copyOfRange(series.values(), from, to)));
            }
        }
        return new QueryResult.Matrix(out);
    }

    private static int lowerBound(long[] a, long key) {
        int i = Arrays.binarySearch(a, key);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && a[i - 1] == key) {
            i--;
        }
        return i;
    }

    @Override
    public List<Labels> series(List<String> matchers, Instant start, Instant end) throws QueryException {
        return delegate.series(matchers, start, end);
    }

    @Override
    public List<String> labelNames(List<String> matchers, Instant start, Instant end) throws QueryException {
        return delegate.labelNames(matchers, start, end);
    }

    @Override
    public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) throws QueryException {
        return delegate.labelValues(label, matchers, start, end);
    }

    /** Not cached: asked of the source itself (it may search, or answer from its own index). */
    @Override
    public Optional<io.vigia.persistence.series.SampleSpan> sampleSpan(List<String> selectors, Instant from, Instant to)
            throws QueryException {
        return delegate.sampleSpan(selectors, from, to);
    }
}
