package io.vigia.bench;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.api.ApiTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One way of timing a query, in milliseconds. The two {@code *_HTTP} probes are the client's
 * wall time (request, server, JSON, socket, decoding) through the same {@link
 * io.vigia.datasources.prometheus.PrometheusClient}; the two {@code *_EVAL} probes are the time the
 * server reports for evaluating the query itself; {@code ENGINE_IN_PROCESS} is Vigia's engine
 * called in this JVM.
 */
enum QueryProbe {
    PROMETHEUS_HTTP("Prometheus over HTTP"),
    SERVE_HTTP("vigia serve over HTTP"),
    PROMETHEUS_EVAL("Prometheus evalTotalTime"),
    SERVE_EVAL("vigia serve evalTotalTime"),
    ENGINE_IN_PROCESS("Vigia engine in-process");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String title;

    QueryProbe(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    double measure(EqualTermsServers servers, FleetQuery query, FleetQuery.Window w) throws IOException, InterruptedException {
        return switch (this) {
            case PROMETHEUS_HTTP -> wall(servers.toPrometheus(), query, w);
            case SERVE_HTTP -> wall(servers.toServe(), query, w);
            case PROMETHEUS_EVAL -> evalTotalMillis(servers.prometheus().url(), query, w);
            case SERVE_EVAL -> evalTotalMillis(servers.serve().url(), query, w);
            case ENGINE_IN_PROCESS -> wall(servers.inProcess(), query, w);
        };
    }

    private static double wall(MetricsSource source, FleetQuery query, FleetQuery.Window w) {
        long t0 = System.nanoTime();
        QueryResult result = source.queryRange(query.expr(), w.start(), w.end(), w.step()).result();
        long t1 = System.nanoTime();
        if (!(result instanceof QueryResult.Matrix m) || m.series().isEmpty()) {
            throw new IllegalStateException(query.name() + ": no series from " + source.name());
        }
        return (t1 - t0) / 1e6;
    }

    /**
     * {@code data.stats.timings.evalTotalTime} of {@code stats=true}: in Prometheus 2.42 the span
     * of promql's execEvalStmt (selecting series from the TSDB, evaluating, sorting the result), not
     * parsing, queueing, JSON or the socket. {@code stats=true} rather than {@code all}: "all" also
     * turns on per-step sample counting (web/api/v1 extractQueryOpts: EnablePerStepStats), work the
     * plain query does not do. vigia serve reports the same field for its evaluation.
     */
    private static double evalTotalMillis(URI server, FleetQuery query, FleetQuery.Window w) throws IOException, InterruptedException {
        String form = "query=" + URLEncoder.encode(query.expr(), StandardCharsets.UTF_8)
                + "&start=" + ApiTime.seconds(w.start()) + "&end=" + ApiTime.seconds(w.end())
                + "&step=" + ApiTime.seconds(w.step()) + "&stats=true";
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/v1/query_range"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode root = JSON.readTree(response.body());
        JsonNode eval = root.path("data").path("stats").path("timings").path("evalTotalTime");
        if (response.statusCode() != 200 || !eval.isNumber()) {
            throw new IllegalStateException(query.name() + " on " + server + ": HTTP " + response.statusCode()
                    + ", no data.stats.timings.evalTotalTime in " + new String(response.body(), 0,
                    Math.min(500, response.body().length), StandardCharsets.UTF_8));
        }
        return eval.asDouble() * 1000;
    }
}
