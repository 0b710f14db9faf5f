package io.vigia.app.cli;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigia receive otlp} as a user runs it: loopback by default, refuses other addresses without a flag. */
class ReceiveOtlpCommandTest {
    @TempDir
    Path dir;

    @Test
    void aNonLoopbackAddressNeedsAllowRemote() {
        CliRun run = CliRun.vigia(dir.resolve("w.vigia"), "receive", "otlp", "--listen", "0.0.0.0:0", "--for", "1s");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not a loopback address").contains("--allow-remote");

        run = CliRun.vigia(dir.resolve("w.vigia"), "receive", "otlp", "--listen", "0.0.0.0:0", "--allow-remote", "--for", "1s");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("WARNING").contains("not loopback");
    }

    @Test
    void receivesUntilTheGivenTimeThenTheDataIsQueryable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path ws = dir.resolve("w.vigia");
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(
                () -> CliRun.vigia(ws, "receive", "otlp", "--listen", "127.0.0.1:" + port, "--for", "4s"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> response = null;
        for (int i = 0; i < 50 && response == null; i++) {
            try {
                response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/metrics"))
                        .header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request().toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.net.ConnectException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(response).isNotNull();
        assertThat(response.statusCode()).isEqualTo(200);
        CliRun run = running.get();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Receiving OTLP/HTTP on http://127.0.0.1:" + port).contains("no prompt or response content kept");

        CliRun query = CliRun.vigia(ws, "query", "claude_code_commit_count_total");
        assertThat(query.out()).contains("\"job\":\"claude-code\"").contains("\"3\"");
    }

    private static ExportMetricsServiceRequest request() {
        long now = System.currentTimeMillis() * 1_000_000;
        return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue("claude-code"))))
                .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(Metric.newBuilder().setName("claude_code.commit.count")
                        .setSum(Sum.newBuilder().setIsMonotonic(true)
                                .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                                .addDataPoints(NumberDataPoint.newBuilder().setStartTimeUnixNano(now - 60_000_000_000L)
                                        .setTimeUnixNano(now).setAsDouble(3))))))
                .build();
    }
}
