package io.vigia.datasources.cache;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.http.RemoteException;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.workspace.QueryCacheRepository;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingMetricsSourceTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    @TempDir
    Path dir;
    private Workspace workspace;
    private FakeServer server;
    private CachingMetricsSource cached;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir.resolve("ws.vigia"));
        server = new FakeServer();
        cached = new CachingMetricsSource("prod", server, new QueryCacheRepository(workspace, 64L << 20), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void panningAndZoomingInsideAFetchedPastRangeSendsNoRequest() {
        Instant from = NOW.minus(Duration.ofHours(6));
        QueryResponse first = cached.queryRange("up", from, NOW, Duration.ofSeconds(30));
        assertThat(server.requests).hasSize(1);
        assertThat(first.isStale()).isFalse();

        // pan: an hour inside, same step
        QueryResponse pan = cached.queryRange("up", from.plus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)), Duration.ofSeconds(30));
        // zoom in 4x: the 30 s step still gives 360 points over 3 h
        QueryResponse zoom = cached.queryRange("up", from.plus(Duration.ofHours(2)), from.plus(Duration.ofHours(5)), Duration.ofSeconds(10));
        assertThat(server.requests).hasSize(1);
        assertThat(pan.isStale()).isFalse();
        QueryResult.RangeSeries s = ((QueryResult.Matrix) pan.result()).series().getFirst();
        assertThat(s.timestamps()[0]).isEqualTo(from.plus(Duration.ofHours(1)).toEpochMilli());
        assertThat(s.timestamps()[s.size() - 1]).isEqualTo(NOW.minus(Duration.ofHours(1)).toEpochMilli());
        assertThat(((QueryResult.Matrix) zoom.result()).series().getFirst().size()).isEqualTo(361);

        // zooming deeper (10 min at 1 s) needs finer data than the cache has
        cached.queryRange("up", from.plus(Duration.ofHours(2)), from.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(10)), Duration.ofSeconds(1));
        // and a range that reaches past what was fetched is fetched
        cached.queryRange("up", from.plus(Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(5)), Duration.ofSeconds(30));
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void cacheHitsAndMissesAreReported() {
        List<Boolean> lookups = new ArrayList<>();
        io.vigia.datasources.instrument.VigiaMetrics recorder = new io.vigia.datasources.instrument.VigiaMetrics() {
            @Override
            public void cacheLookup(boolean hit) {
                lookups.add(hit);
            }
        };
        CachingMetricsSource counted = new CachingMetricsSource("prod", server, new QueryCacheRepository(workspace, 64L << 20),
                Clock.fixed(NOW, ZoneOffset.UTC), recorder);
        Instant from = NOW.minus(Duration.ofHours(6));
        counted.queryRange("up", from, NOW, Duration.ofSeconds(30));
        counted.queryRange("up", from.plus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)), Duration.ofSeconds(30));
        assertThat(lookups).containsExactly(false, true);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void whenTheServerIsDownTheCachedDataComesBackMarkedStaleWithTheFailure() {
        Instant from = NOW.minus(Duration.ofHours(6));
        cached.queryRange("rate(x[5m])", from, NOW, Duration.ofSeconds(60));
        server.down = true;
        QueryResponse r = cached.queryRange("rate(x[5m])", from.plus(Duration.ofMinutes(30)), NOW.plus(Duration.ofMinutes(30)), Duration.ofSeconds(60));
        assertThat(r.isStale()).isTrue();
        assertThat(r.staleSince()).isEqualTo(NOW);
        assertThat(r.warnings()).singleElement().asString().contains("connection refused");
        assertThat(((QueryResult.Matrix) r.result()).series().getFirst().size()).isEqualTo(331);
        // with nothing cached, the failure itself
        assertThatThrownBy(() -> cached.queryRange("other", from, NOW, Duration.ofSeconds(60))).isInstanceOf(RemoteException.class);
    }

    @Test
    void anErrorTheServerMeansIsNotHiddenByTheCache() {
        cached.queryRange("up", NOW.minus(Duration.ofHours(1)), NOW, Duration.ofSeconds(60));
        server.badQuery = true;
        assertThatThrownBy(() -> cached.queryRange("up", NOW.minus(Duration.ofMinutes(30)), NOW.plus(Duration.ofMinutes(1)), Duration.ofSeconds(60)))
                .isInstanceOf(RemoteException.class).hasMessageContaining("bad_data");
    }

    @Test
    void cacheOnlyAnswersFromTheCacheStaleMarkedAndNeverAsksTheServer() {
        MetricsSource view = cached.cacheOnly();
        assertThatThrownBy(() -> view.queryRange("up", NOW.minus(Duration.ofHours(1)), NOW, Duration.ofSeconds(60)))
                .hasMessageContaining("nothing cached");
        cached.queryRange("up", NOW.minus(Duration.ofHours(1)), NOW, Duration.ofSeconds(60));
        cached.query("sum(up)", NOW);
        QueryResponse r = view.queryRange("up", NOW.minus(Duration.ofMinutes(30)), NOW.plus(Duration.ofMinutes(30)), Duration.ofSeconds(15));
        assertThat(r.isStale()).isTrue();
        assertThat(view.query("sum(up)", NOW.plus(Duration.ofMinutes(1))).isStale()).isTrue();
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void theCacheSurvivesReopeningTheWorkspaceAndStaysUnderItsSizeCap() {
        cached.queryRange("up", NOW.minus(Duration.ofHours(6)), NOW, Duration.ofSeconds(30));
        workspace.close();
        workspace = Workspace.open(dir.resolve("ws.vigia"));
        QueryCacheRepository small = new QueryCacheRepository(workspace, 2_000);
        CachingMetricsSource reopened = new CachingMetricsSource("prod", server, small, Clock.fixed(NOW, ZoneOffset.UTC));
        reopened.queryRange("up", NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(1)), Duration.ofSeconds(30));
        assertThat(server.requests).hasSize(1);
        for (int i = 0; i < 20; i++) {
            reopened.queryRange("q" + i, NOW.minus(Duration.ofHours(1)), NOW, Duration.ofSeconds(60));
        }
        long total = 0;
        for (int i = 0; i < 20; i++) {
            total += small.entries("prod", "q" + i).stream().mapToLong(QueryCacheRepository.Entry::bytes).sum();
        }
        assertThat(total).isLessThanOrEqualTo(2_000).isPositive();
    }

    /** A server answering every range query with one series, a sample per step, counting requests. */
    static final class FakeServer implements MetricsSource {
        final List<String> requests = new ArrayList<>();
        boolean down;
        boolean badQuery;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public QueryResponse query(String expr, Instant time) {
            check(expr);
            return QueryResponse.of(new QueryResult.Vector(new Labels[] {Labels.of("job", "a")}, new long[] {time.toEpochMilli()}, new double[] {1}));
        }

        @Override
        public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) {
            check(expr);
            int n = (int) ((end.toEpochMilli() - start.toEpochMilli()) / step.toMillis()) + 1;
            long[] ts = new long[n];
            double[] vs = new double[n];
            for (int i = 0; i < n; i++) {
                ts[i] = start.toEpochMilli() + i * step.toMillis();
                vs[i] = i;
            }
            return QueryResponse.of(new QueryResult.Matrix(List.of(new QueryResult.RangeSeries(Labels.of("__name__", "up", "job", "a"), ts, vs))));
        }

        private void check(String expr) {
            requests.add(expr);
            if (down) {
                throw new RemoteException(RemoteException.Kind.CONNECTION_REFUSED, 0, "connection refused by 127.0.0.1:9090");
            }
            if (badQuery) {
                throw new RemoteException(RemoteException.Kind.HTTP_STATUS, 400, "HTTP 400 bad_data: parse error");
            }
        }

        @Override
        public List<Labels> series(List<String> matchers, Instant start, Instant end) {
            return List.of();
        }

        @Override
        public List<String> labelNames(List<String> matchers, Instant start, Instant end) {
            return List.of();
        }

        @Override
        public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) {
            return List.of();
        }
    }
}
