package io.vigia.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A dashboard panel's range query over {@link FleetData}: 1,000 steps across the whole data set. */
record FleetQuery(String name, String expr) {
    static final int STEPS = 1_000;

    /** The panels: rate by a label, a p95 from classic buckets, top-k, a subquery, and a gauge. */
    static List<FleetQuery> dashboard() {
        return List.of(
                new FleetQuery("sumRateByService", "sum by (service) (rate(http_requests_total[5m]))"),
                new FleetQuery("p95ByService",
                        "histogram_quantile(0.95, sum by (le, service) (rate(http_request_duration_seconds_bucket[5m])))"),
                new FleetQuery("topk5", "topk(5, rate(http_requests_total[5m]))"),
                new FleetQuery("subqueryMaxRate", "max_over_time(sum by (service) (rate(http_requests_total{code=\"500\"}[5m]))[1h:1m])"),
                new FleetQuery("gaugeAvgOverTime", "avg by (service) (avg_over_time(process_resident_memory_bytes[10m]))"));
    }

    /**
     * Where the queries look: from an hour after the data starts (the subquery's window is full)
     * to a minute before it ends, in {@link #STEPS} points a whole number of seconds apart. Every
     * step is 950 ms past a whole second: no range's left end then meets a sample (137 to 841 ms
     * past) or a subquery's inner step (whole minutes), where Prometheus 2.x's ranges include
     * their left end and 3.x's (Vigia's) do not.
     */
    record Window(Instant start, Instant end, Duration step) {
        static Window over(FleetData data) {
            long startMs = FleetData.START_MS + 3_600_000L + 950;
            long stepSeconds = (data.endMs() - 60_000L - startMs) / 1000 / (STEPS - 1);
            Duration step = Duration.ofSeconds(stepSeconds);
            Instant start = Instant.ofEpochMilli(startMs);
            return new Window(start, start.plus(step.multipliedBy(STEPS - 1)), step);
        }
    }
}
