package io.vigia.datasources.prometheus;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.http.ApiRequest;
import io.vigia.datasources.api.ApiTime;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.http.ConnectionTestResult;
import io.vigia.datasources.http.HttpResponseData;
import io.vigia.datasources.http.RemoteException;
import io.vigia.datasources.http.RemoteHttp;
import io.vigia.datasources.http.RetryPolicy;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.persistence.series.Labels;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Prometheus HTTP API client (Prometheus, Mimir, Thanos, Cortex, VictoriaMetrics). Every method
 * blocks; run it off the FX thread and pass a {@link CancellationToken} to abandon it. Identical
 * requests in flight at the same time are sent once.
 */
public final class PrometheusClient implements MetricsSource, AutoCloseable {
    private final RemoteHttp http;

    public PrometheusClient(ConnectionSettings settings, SecretResolver secrets) {
        this(settings, secrets, RetryPolicy.DEFAULT);
    }

    public PrometheusClient(ConnectionSettings settings, SecretResolver secrets, RetryPolicy retry) {
        if (settings.type() != SourceType.PROMETHEUS) {
            throw new IllegalArgumentException("not a Prometheus data source: " + settings.type());
        }
        this.http = new RemoteHttp(settings, secrets, retry);
    }

    @Override
    public String name() {
        return http.settings().name();
    }

    public ConnectionSettings settings() {
        return http.settings();
    }

    @Override
    public java.util.Optional<Duration> minInterval() {
        return java.util.Optional.of(http.settings().minInterval());
    }

    /** TLS verification is off: show a warning wherever this source's data appears. */
    public boolean isInsecure() {
        return http.isInsecure();
    }

    @Override
    public QueryResponse query(String expr, Instant time) throws QueryException {
        return query(expr, time, null, CancellationToken.NONE);
    }

    /** {@code /api/v1/query}; {@code timeout} (optional) is the server-side evaluation timeout. */
    public QueryResponse query(String expr, Instant time, Duration timeout, CancellationToken token) {
        ApiRequest req = ApiRequest.getOrPost("api/v1/query")
                .param("query", requireExpr(expr))
                .param("time", time == null ? null : ApiTime.seconds(time))
                .param("timeout", timeout == null ? null : ApiTime.seconds(timeout) + "s")
                .build();
        return PrometheusDecoder.query(send(req, token));
    }

    @Override
    public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) throws QueryException {
        return queryRange(expr, start, end, step, CancellationToken.NONE);
    }

    /** {@code /api/v1/query_range}. */
    public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step, CancellationToken token) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (step == null || step.isNegative() || step.isZero()) {
            throw new QueryException("bad_data", "step must be positive, got " + step);
        }
        if (end.isBefore(start)) {
            throw new QueryException("bad_data", "end " + end + " is before start " + start);
        }
        ApiRequest req = ApiRequest.getOrPost("api/v1/query_range")
                .param("query", requireExpr(expr))
                .param("start", ApiTime.seconds(start))
                .param("end", ApiTime.seconds(end))
                .param("step", ApiTime.seconds(step))
                .build();
        return PrometheusDecoder.query(send(req, token));
    }

    @Override
    public List<Labels> series(List<String> matchers, Instant start, Instant end) throws QueryException {
        return series(matchers, start, end, CancellationToken.NONE);
    }

    public List<Labels> series(List<String> matchers, Instant start, Instant end, CancellationToken token) {
        if (matchers == null || matchers.isEmpty()) {
            throw new QueryException("bad_data", "the series endpoint needs at least one match[] selector");
        }
        ApiRequest req = withRange(ApiRequest.getOrPost("api/v1/series").params("match[]", matchers), start, end).build();
        return PrometheusDecoder.series(send(req, token));
    }

    @Override
    public List<String> labelNames(List<String> matchers, Instant start, Instant end) throws QueryException {
        return labelNames(matchers, start, end, CancellationToken.NONE);
    }

    public List<String> labelNames(List<String> matchers, Instant start, Instant end, CancellationToken token) {
        ApiRequest req = withRange(ApiRequest.getOrPost("api/v1/labels").params("match[]", orEmpty(matchers)), start, end).build();
        return PrometheusDecoder.stringList(send(req, token));
    }

    @Override
    public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) throws QueryException {
        return labelValues(label, matchers, start, end, CancellationToken.NONE);
    }

    public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end, CancellationToken token) {
        if (label == null || label.isEmpty() || label.contains("/")) {
            throw new QueryException("bad_data", "invalid label name: '" + label + "'");
        }
        ApiRequest req = withRange(ApiRequest.get("api/v1/label/" + label + "/values").params("match[]", orEmpty(matchers)),
                start, end).build();
        return PrometheusDecoder.stringList(send(req, token));
    }

    /** {@code /api/v1/metadata}: all metrics, or one ({@code metric}), at most {@code limit} metrics when > 0. */
    public Map<String, List<MetricMetadata>> metadata(String metric, int limit, CancellationToken token) {
        ApiRequest req = ApiRequest.get("api/v1/metadata")
                .param("metric", metric)
                .param("limit", limit > 0 ? limit : null)
                .build();
        return PrometheusDecoder.metadata(send(req, token));
    }

    public BuildInfo buildInfo(CancellationToken token) {
        return PrometheusDecoder.buildInfo(send(ApiRequest.get("api/v1/status/buildinfo").build(), token));
    }

    /** {@code /api/v1/format_query} (Prometheus 2.38+): the expression pretty-printed by the server. */
    public String formatQuery(String expr, CancellationToken token) {
        return PrometheusDecoder.string(send(ApiRequest.getOrPost("api/v1/format_query").param("query", requireExpr(expr)).build(), token));
    }

    /**
     * {@code /api/v1/parse_query} (Prometheus 2.48+, experimental): the server's syntax tree as
     * nested maps and lists. Servers without it answer 404, reported as {@link RemoteException.Kind#NOT_FOUND}.
     */
    public Object parseQuery(String expr, CancellationToken token) {
        return PrometheusDecoder.tree(send(ApiRequest.getOrPost("api/v1/parse_query").param("query", requireExpr(expr)).build(), token));
    }

    /**
     * "Save &amp; test": the server's version from buildinfo. Servers that are Prometheus-compatible
     * without buildinfo (some VictoriaMetrics and Thanos versions) are recognised by a trivial query.
     * Never throws.
     */
    public ConnectionTestResult testConnection() {
        return ConnectionTestResult.test("Prometheus-compatible server", isInsecure(), "/api/v1/status/buildinfo", () -> {
            BuildInfo info = buildInfo(CancellationToken.NONE);
            return new ConnectionTestResult.Version(info.version(), info.revision());
        }, () -> query("1+1", null, null, CancellationToken.NONE));
    }

    private HttpResponseData send(ApiRequest req, CancellationToken token) {
        return http.send(req, token == null ? CancellationToken.NONE : token);
    }

    private static ApiRequest.Builder withRange(ApiRequest.Builder b, Instant start, Instant end) {
        return b.param("start", start == null ? null : ApiTime.seconds(start))
                .param("end", end == null ? null : ApiTime.seconds(end));
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static String requireExpr(String expr) {
        if (expr == null || expr.isBlank()) {
            throw new QueryException("bad_data", "empty query expression");
        }
        return expr;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "PrometheusClient[" + http.settings().url() + "]";
    }
}
