package io.vigia.bench;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vigia.datasources.ingest.Exemplar;
import io.vigia.datasources.ingest.ExpositionFormat;
import io.vigia.datasources.ingest.ExpositionSink;
import io.vigia.datasources.ingest.ExpositionParser;
import io.vigia.persistence.series.Labels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Exposition parsing, responses per second: one /metrics response of the Prometheus Java client
 * (counters, gauges and classic histograms over 3,500 label sets), written by
 * client_java's own text-format and OpenMetrics writers, read by
 * {@link ExpositionParser} as the scraper reads it (from bytes) and as the importers do (from a
 * Reader). Baseline: splitting the same bytes into lines with {@link BufferedReader}, the least
 * any line-based reader must do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ExpositionIngestBench {
    @Param({"text", "openmetrics"})
    public String format;

    private byte[] body;
    private ExpositionFormat exposition;

    @Setup
    public void setUp() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter requests = Counter.builder().name("http_requests").help("Requests").labelNames("path", "method", "code").register(registry);
        Gauge inflight = Gauge.builder().name("http_inflight_requests").help("In flight").labelNames("path", "method").register(registry);
        Histogram latency = Histogram.builder().name("http_request_duration_seconds").help("Latency").classicOnly()
                .labelNames("path").register(registry);
        for (int p = 0; p < 500; p++) {
            String path = "/api/v1/resource/" + p;
            for (String method : new String[] {"GET", "POST"}) {
                inflight.labelValues(path, method).set(p % 7);
                for (String code : new String[] {"200", "500"}) {
                    requests.labelValues(path, method, code).inc(p * 31 + code.length());
                }
            }
            latency.labelValues(path).observe(p / 1000.0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exposition = format.equals("text") ? ExpositionFormat.PROMETHEUS_TEXT : ExpositionFormat.OPENMETRICS;
        if (exposition == ExpositionFormat.PROMETHEUS_TEXT) {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } else {
            OpenMetricsTextFormatWriter.create().write(out, registry.scrape());
        }
        body = out.toByteArray();
    }

    @Benchmark
    public void parseFromBytes(Blackhole bh) throws Exception {
        Counting sink = new Counting();
        ExpositionParser.parse(new ByteArrayInputStream(body), exposition, sink);
        bh.consume(sink.samples);
    }

    @Benchmark
    public void parseFromReader(Blackhole bh) throws Exception {
        Counting sink = new Counting();
        ExpositionParser.parse(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8), exposition, sink);
        bh.consume(sink.samples);
    }

    @Benchmark
    public void baselineSplitLines(Blackhole bh) throws Exception {
        long lines = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8), 1 << 16)) {
            String s;
            while ((s = r.readLine()) != null) {
                bh.consume(s);
                lines++;
            }
        }
        bh.consume(lines);
    }

    private static final class Counting implements ExpositionSink {
        long samples;

        @Override
        public void sample(Labels labels, double value, boolean hasTimestamp, long timestampMillis, Exemplar exemplar) {
            samples++;
        }
    }
}
