package io.vigia.bench;

import io.vigia.dashboards.ask.AskContext;
import io.vigia.dashboards.ask.MiniLmEmbedder;
import io.vigia.dashboards.ask.OfflinePlanner;
import io.vigia.dashboards.builtin.BuiltInDashboards;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One fresh process of {@link AskFirstQuestionMeasurement}: times, in order, a question the
 * planner decides from its cues (no model), the first question that needs the sentence embedding
 * (loads all-MiniLM-L6-v2 and ONNX Runtime), and a second such question. Prints three numbers of
 * milliseconds on one line.
 */
public final class AskFirstQuestionProbe {
    private AskFirstQuestionProbe() {
    }

    public static void main(String[] args) {
        AskContext ctx = new AskContext("bench", Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC, Duration.ofMinutes(5),
                List.of("payments", "checkout"), Map.of(), List.of(
                new AskContext.MetricInfo("kafka_consumergroup_lag", "gauge", "Current approximate lag of a consumer group at a topic"),
                new AskContext.MetricInfo("node_cpu_seconds_total", "counter", "Seconds the CPUs spent in each mode.")),
                BuiltInDashboards.all(), List.of(), null);
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        OfflinePlanner planner = new OfflinePlanner(embedder);
        long t0 = System.nanoTime();
        planner.plan("p95 of payments after the last deploy", ctx);
        long t1 = System.nanoTime();
        planner.plan("how far behind are the kafka consumers", ctx);
        long t2 = System.nanoTime();
        planner.plan("processor time of the hosts", ctx);
        long t3 = System.nanoTime();
        if (!embedder.isLoaded()) {
            throw new IllegalStateException("the embedding model was not loaded");
        }
        System.out.printf(java.util.Locale.ROOT, "%.1f %.1f %.1f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }
}
