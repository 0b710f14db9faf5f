package io.vigia.dashboards.report;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.persistence.series.Labels;
import io.vigia.datasources.http.RemoteException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The report's source, watched: the panel loader turns each failing query into an error on its
 * panel, but a source that cannot be reached at all must stop the report
 * ({@link SourceUnavailableException}). This remembers the first such failure for
 * {@link #rethrowIfUnreachable()}.
 */
final class ReachabilityWatch implements MetricsSource {
    private final MetricsSource source;
    private RemoteException unreachable;

    ReachabilityWatch(MetricsSource source) {
        this.source = source;
    }

    /** Throws {@link SourceUnavailableException} when a call since the build began could not reach the source. */
    void rethrowIfUnreachable() {
        if (unreachable != null) {
            throw new SourceUnavailableException(source.name(), unreachable);
        }
    }

    private <T> T watched(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RemoteException e) {
            if (unreachable == null) {
                unreachable = e;
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public QueryResponse query(String expr, Instant time) throws QueryException {
        return watched(() -> source.query(expr, time));
    }

    @Override
    public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) throws QueryException {
        return watched(() -> source.queryRange(expr, start, end, step));
    }

    @Override
    public List<Labels> series(List<String> matchers, Instant start, Instant end) throws QueryException {
        return watched(() -> source.series(matchers, start, end));
    }

    @Override
    public List<String> labelNames(List<String> matchers, Instant start, Instant end) throws QueryException {
        return watched(() -> source.labelNames(matchers, start, end));
    }

    @Override
    public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) throws QueryException {
        return watched(() -> source.labelValues(label, matchers, start, end));
    }

    @Override
    public Optional<Duration> minInterval() {
        return source.minInterval();
    }
}
