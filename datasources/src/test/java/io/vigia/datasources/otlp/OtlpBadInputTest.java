package io.vigia.datasources.otlp;

import com.google.rpc.Status;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets the OTLP/HTTP status the specification names, a {@code google.rpc.Status} body
 * saying why, and does not stop the next request from landing. Sent with a plain HTTP client; the
 * JSON requests are encoded by the OpenTelemetry SDK's own OTLP JSON marshalers.
 */
class OtlpBadInputTest {
    private static final long LIMIT = 64 * 1024;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void wrongContentTypeMalformedProtobufAndOversizedBodiesAreRefusedAndTheStreamGoesOn() throws Exception {
        try (ReceiverFixture rx = new ReceiverFixture(dir, LIMIT, Optional.empty())) {
            HttpResponse<byte[]> r = post(rx, OtlpSignal.METRICS, "text/plain", null, "up 1".getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(415);
            assertThat(Status.parseFrom(r.body()).getMessage()).contains("text/plain").contains("application/x-protobuf");

            r = post(rx, OtlpSignal.METRICS, "application/x-protobuf", null, new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(Status.parseFrom(r.body()).getMessage()).startsWith("malformed protobuf for /v1/metrics");

            r = post(rx, OtlpSignal.LOGS, "application/json", null, "{\"resourceLogs\": [".getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("malformed JSON");

            r = post(rx, OtlpSignal.METRICS, "application/x-protobuf", null, new byte[(int) LIMIT + 1]);
            assertThat(r.statusCode()).isEqualTo(413);
            // a gzip body that is small on the wire but over the limit once decompressed
            r = post(rx, OtlpSignal.METRICS, "application/x-protobuf", "gzip", gzip(new byte[(int) LIMIT * 4]));
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(Status.parseFrom(r.body()).getMessage()).contains("after decompression");

            r = post(rx, OtlpSignal.TRACES, "application/x-protobuf", "gzip", "not gzip at all".getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(400);
            r = post(rx, OtlpSignal.TRACES, "application/x-protobuf", "br", new byte[0]);
            assertThat(r.statusCode()).isEqualTo(415);
            HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(URI.create(rx.url(OtlpSignal.METRICS))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(get.statusCode()).isEqualTo(405);

            // the stream goes on: a good request after all of that lands
            r = post(rx, OtlpSignal.METRICS, "application/x-protobuf", "gzip", gzip(gauge("queue_depth", 7).toByteArray()));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(ExportMetricsServiceResponse.parseFrom(r.body()).hasPartialSuccess()).isFalse();
            assertThat(rx.value("queue_depth{job=\"probe\"}")).isEqualTo(7);
        }
    }

    @Test
    void partOfARequestThatCannotBeStoredIsAPartialSuccess() throws Exception {
        try (ReceiverFixture rx = new ReceiverFixture(dir)) {
            long now = System.currentTimeMillis() * 1_000_000;
            Metric exponential = Metric.newBuilder().setName("latency").setUnit("s")
                    .setExponentialHistogram(ExponentialHistogram.newBuilder()
                            .setAggregationTemporality(io.opentelemetry.proto.metrics.v1.AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                            .addDataPoints(ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(now).setCount(1).setSum(0.2)))
                    .build();
            ExportMetricsServiceRequest request = gauge("queue_depth", 3).toBuilder()
                    .setResourceMetrics(0, gauge("queue_depth", 3).getResourceMetrics(0).toBuilder()
                            .setScopeMetrics(0, gauge("queue_depth", 3).getResourceMetrics(0).getScopeMetrics(0).toBuilder().addMetrics(exponential)))
                    .build();
            HttpResponse<byte[]> r = post(rx, OtlpSignal.METRICS, "application/x-protobuf", null, request.toByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            ExportMetricsServiceResponse response = ExportMetricsServiceResponse.parseFrom(r.body());
            assertThat(response.getPartialSuccess().getRejectedDataPoints()).isEqualTo(1);
            assertThat(response.getPartialSuccess().getErrorMessage()).contains("exponential histograms (latency)");
            assertThat(rx.value("queue_depth")).isEqualTo(3);
        }
    }

    @Test
    void sdkJsonWithHexIdsIsAcceptedForMetricsAndSpans() throws Exception {
        try (ReceiverFixture rx = new ReceiverFixture(dir)) {
            List<MetricData> metrics = new ArrayList<>();
            try (SdkMeterProvider meters = SdkMeterProvider.builder()
                    .registerMetricReader(PeriodicMetricReader.builder(capture(metrics)).setInterval(Duration.ofHours(1)).build()).build()) {
                meters.get("github.copilot").counterBuilder(TelemetryNames.of("github.copilot.tool.call.count")).build()
                        .add(5, io.opentelemetry.api.common.Attributes.of(AttributeKey.stringKey("gen_ai.tool.name"), "bash"));
                meters.forceFlush().join(10, TimeUnit.SECONDS);
            }
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            MetricsRequestMarshaler.create(metrics).writeJsonTo(json);
            HttpResponse<byte[]> r = post(rx, OtlpSignal.METRICS, "application/json", null, json.toByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(rx.value("github_copilot_tool_call_count_total{gen_ai_tool_name=\"bash\"}")).isEqualTo(5);

            List<SpanData> spans = new ArrayList<>();
            try (SdkTracerProvider traces = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(captureSpans(spans))).build()) {
                traces.get("github.copilot").spanBuilder(TelemetryNames.of("execute_tool") + " view").startSpan().end();
            }
            json.reset();
            TraceRequestMarshaler.create(spans).writeJsonTo(json);
            String body = json.toString(StandardCharsets.UTF_8);
            assertThat(body).contains("\"traceId\":\"" + spans.getFirst().getTraceId() + "\""); // hex, as OTLP JSON says
            r = post(rx, OtlpSignal.TRACES, "application/json", "gzip", gzip(json.toByteArray()));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(rx.value("traces_span_metrics_calls_total{span_name=\"execute_tool view\"}")).isEqualTo(1);

            r = post(rx, OtlpSignal.TRACES, "application/json", null, body.replace(spans.getFirst().getTraceId(), "zz-not-hex")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("traceId is not hex-encoded");
        }
    }

    private HttpResponse<byte[]> post(ReceiverFixture rx, OtlpSignal signal, String contentType, String encoding, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rx.url(signal))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    /** A one-point gauge request built with the official OTLP protobuf classes. */
    private static ExportMetricsServiceRequest gauge(String name, double value) {
        KeyValue service = KeyValue.newBuilder().setKey("service.name").setValue(AnyValue.newBuilder().setStringValue("probe")).build();
        return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(service))
                .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(Metric.newBuilder().setName(name)
                        .setGauge(Gauge.newBuilder().addDataPoints(NumberDataPoint.newBuilder()
                                .setTimeUnixNano(System.currentTimeMillis() * 1_000_000).setAsDouble(value))))))
                .build();
    }

    private static MetricExporter capture(List<MetricData> into) {
        return new MetricExporter() {
            @Override
            public CompletableResultCode export(Collection<MetricData> metrics) {
                into.addAll(metrics);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public AggregationTemporality getAggregationTemporality(InstrumentType type) {
                return AggregationTemporality.CUMULATIVE;
            }

            @Override
            public MemoryMode getMemoryMode() {
                return MemoryMode.IMMUTABLE_DATA;
            }
        };
    }

    private static SpanExporter captureSpans(List<SpanData> into) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                into.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
