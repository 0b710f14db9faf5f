package io.vigia.datasources.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One assistant's telemetry pipeline built from the real OpenTelemetry Java SDK and its OTLP/HTTP
 * exporters (protobuf, gzip as the SDK sends it), pointed at a receiver. Metrics export when
 * {@link #flush()} is called (the periodic reader's interval is an hour), logs and spans as they end.
 */
public final class SdkSender implements AutoCloseable {
    final SdkMeterProvider meters;
    final SdkLoggerProvider logs;
    final SdkTracerProvider traces;

    /** @param delta whether metrics use delta temporality (Claude Code's default) instead of cumulative */
    public SdkSender(String baseUrl, String serviceName, boolean delta, String compression) {
        this(baseUrl, serviceName, delta, compression, Clock.getDefault());
    }

    /** @param clock the SDK's clock: the time its points and records carry (a test may set the day) */
    public SdkSender(String baseUrl, String serviceName, boolean delta, String compression, Clock clock) {
        Resource resource = Resource.getDefault().merge(Resource.create(
                io.opentelemetry.api.common.Attributes.of(AttributeKey.stringKey("service.name"), serviceName,
                        AttributeKey.stringKey("service.version"), "test", AttributeKey.stringKey("host.arch"), "amd64")));
        OtlpHttpMetricExporter metricExporter = OtlpHttpMetricExporter.builder()
                .setEndpoint(baseUrl + OtlpSignal.METRICS.path())
                .setCompression(compression)
                .setAggregationTemporalitySelector(delta ? AggregationTemporalitySelector.deltaPreferred()
                        : AggregationTemporalitySelector.alwaysCumulative())
                .build();
        meters = SdkMeterProvider.builder().setResource(resource).setClock(clock)
                .registerMetricReader(PeriodicMetricReader.builder(metricExporter).setInterval(Duration.ofHours(1)).build())
                .build();
        logs = SdkLoggerProvider.builder().setResource(resource).setClock(clock)
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(OtlpHttpLogRecordExporter.builder()
                        .setEndpoint(baseUrl + OtlpSignal.LOGS.path()).setCompression(compression).build()))
                .build();
        traces = SdkTracerProvider.builder().setResource(resource).setClock(clock)
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                        .setEndpoint(baseUrl + OtlpSignal.TRACES.path()).setCompression(compression).build()))
                .build();
    }

    public Meter meter(String scope) {
        return meters.get(scope);
    }

    public Logger logger(String scope) {
        return logs.get(scope);
    }

    public Tracer tracer(String scope) {
        return traces.get(scope);
    }

    /** Exports everything recorded so far and waits until the receiver answered. */
    public void flush() {
        require(meters.forceFlush(), "metrics");
        require(logs.forceFlush(), "logs");
        require(traces.forceFlush(), "spans");
    }

    private static void require(CompletableResultCode code, String what) {
        if (!code.join(20, TimeUnit.SECONDS).isSuccess()) {
            throw new AssertionError("the SDK could not export " + what + " to the receiver");
        }
    }

    @Override
    public void close() {
        meters.close();
        logs.close();
        traces.close();
    }
}
