package io.vigia.datasources.loki;

import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.prometheus.BuildInfo;
import io.vigia.datasources.http.ApiRequest;
import io.vigia.datasources.api.ApiTime;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.http.ConnectionTestResult;
import io.vigia.datasources.http.HttpResponseData;
import io.vigia.datasources.http.RemoteHttp;
import io.vigia.datasources.http.RetryPolicy;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.persistence.series.Labels;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Loki HTTP API client. Every method blocks; run it off the FX thread and pass a
 * {@link CancellationToken} to abandon it. Multi-tenant Loki needs the {@code X-Scope-OrgID}
 * header in the connection settings.
 */
public final class LokiClient implements AutoCloseable {
    /** Loki's own default for {@code limit}. */
    public static final int DEFAULT_LIMIT = 100;

    private final RemoteHttp http;

    public LokiClient(ConnectionSettings settings, SecretResolver secrets) {
        this(settings, secrets, RetryPolicy.DEFAULT);
    }

    public LokiClient(ConnectionSettings settings, SecretResolver secrets, RetryPolicy retry) {
        if (settings.type() != SourceType.LOKI) {
            throw new IllegalArgumentException("not a Loki data source: " + settings.type());
        }
        this.http = new RemoteHttp(settings, secrets, retry);
    }

    public ConnectionSettings settings() {
        return http.settings();
    }

    public boolean isInsecure() {
        return http.isInsecure();
    }

    /** {@code /loki/api/v1/query}: an instant metric query (log queries must use {@link #queryRange}). */
    public LokiResponse query(String logql, Instant time, int limit, Direction direction, CancellationToken token) {
        ApiRequest req = ApiRequest.getOrPost("loki/api/v1/query")
                .param("query", requireQuery(logql))
                .param("time", time == null ? null : ApiTime.nanos(time))
                .param("limit", limit > 0 ? limit : null)
                .param("direction", direction == null ? null : direction.param())
                .build();
        return LokiDecoder.query(send(req, token));
    }

    /**
     * {@code /loki/api/v1/query_range}: log lines (at most {@code limit}) or a metric query's
     * matrix; {@code step} applies to metric queries and may be null.
     */
    public LokiResponse queryRange(String logql, Instant start, Instant end, Duration step, int limit, Direction direction,
                                   CancellationToken token) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new QueryException("bad_data", "end " + end + " is before start " + start);
        }
        ApiRequest req = ApiRequest.getOrPost("loki/api/v1/query_range")
                .param("query", requireQuery(logql))
                .param("start", ApiTime.nanos(start))
                .param("end", ApiTime.nanos(end))
                .param("step", step == null ? null : ApiTime.seconds(step))
                .param("limit", limit > 0 ? limit : null)
                .param("direction", direction == null ? null : direction.param())
                .build();
        return LokiDecoder.query(send(req, token));
    }

    public List<String> labels(Instant start, Instant end, String query, CancellationToken token) {
        ApiRequest req = range(ApiRequest.get("loki/api/v1/labels"), start, end).param("query", query).build();
        return LokiDecoder.stringList(send(req, token));
    }

    public List<String> labelValues(String label, Instant start, Instant end, String query, CancellationToken token) {
        if (label == null || label.isEmpty() || label.contains("/")) {
            throw new QueryException("bad_data", "invalid label name: '" + label + "'");
        }
        ApiRequest req = range(ApiRequest.get("loki/api/v1/label/" + label + "/values"), start, end).param("query", query).build();
        return LokiDecoder.stringList(send(req, token));
    }

    public List<Labels> series(List<String> matchers, Instant start, Instant end, CancellationToken token) {
        if (matchers == null || matchers.isEmpty()) {
            throw new QueryException("bad_data", "the series endpoint needs at least one match[] selector");
        }
        ApiRequest req = range(ApiRequest.getOrPost("loki/api/v1/series").params("match[]", matchers), start, end).build();
        return LokiDecoder.series(send(req, token));
    }

    public IndexStats indexStats(String selector, Instant start, Instant end, CancellationToken token) {
        ApiRequest req = range(ApiRequest.get("loki/api/v1/index/stats").param("query", requireQuery(selector)), start, end).build();
        return LokiDecoder.indexStats(send(req, token));
    }

    public BuildInfo buildInfo(CancellationToken token) {
        return LokiDecoder.buildInfo(send(ApiRequest.get("loki/api/v1/status/buildinfo").build(), token));
    }

    /** "Save &amp; test" via {@code /loki/api/v1/status/buildinfo}; never throws. */
    public ConnectionTestResult testConnection() {
        return ConnectionTestResult.test("Loki", isInsecure(), "/loki/api/v1/status/buildinfo", () -> {
            BuildInfo info = buildInfo(CancellationToken.NONE);
            return new ConnectionTestResult.Version(info.version(), info.revision());
        }, null);
    }

    private HttpResponseData send(ApiRequest req, CancellationToken token) {
        return http.send(req, token == null ? CancellationToken.NONE : token);
    }

    private static ApiRequest.Builder range(ApiRequest.Builder b, Instant start, Instant end) {
        return b.param("start", start == null ? null : ApiTime.nanos(start))
                .param("end", end == null ? null : ApiTime.nanos(end));
    }

    private static String requireQuery(String q) {
        if (q == null || q.isBlank()) {
            throw new QueryException("bad_data", "empty LogQL query");
        }
        return q;
    }

    @Override
    public void close() {
        http.close();
    }
}
