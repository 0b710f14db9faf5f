package io.vigia.dashboards.findings;

import io.vigia.dashboards.builtin.BuiltInDashboards;

import java.time.Duration;
import java.util.List;

/**
 * The built-in dashboards' key series (docs/telemetry.md), watched by default: p95 latency per
 * service, prompt-injection and other guardrail blocks, the mean of each model-input feature
 * (the drift signal PromQL can give), SAST-flagged suggestions per 1,000 accepted and the
 * acceptance rate. The rate windows are longer than the panels' {@code $__rate_interval} so that a
 * few quiet minutes are not an anomaly; the trailing-day ratios merge excursions up to 3 days apart
 * (a level shift seen through weekends' noisier days is one finding); the per-series minimum effects keep tiny deviations of
 * steady series (and counts that are usually 0) out of the list. Defaults are documented in
 * docs/statistics.md.
 */
public final class WatchedSeriesList {
    static final String HTTP = "http_server_request_duration_seconds";
    /** Present while the gateway's suggestion counters are scraped: the trailing-day ratios need a whole day of them. */
    static final String ACCEPTED_PRESENT = "count(vigia_copilot_suggestions_accepted_total)";

    private WatchedSeriesList() {
    }

    public static List<WatchedSeries> defaults() {
        BandSettings base = BandSettings.defaults();
        return List.of(
                new WatchedSeries("latency-p95", "p95 latency",
                        // a p95 of a handful of requests (a quiet night) is not a measurement: steps where
                        // the service served fewer than 100 requests in the window have no value
                        "histogram_quantile(0.95, sum by (le, service) (rate(" + HTTP + "_bucket[15m]))) and on (service) "
                                + "(sum by (service) (increase(" + HTTP + "_count[15m])) >= 100)", "{{service}}", "s",
                        BuiltInDashboards.SERVICE_LATENCY, WatchedSeries.Direction.UP,
                        base.withMinRelative(0.3).withMinDuration(Duration.ofMinutes(45)), Duration.ofHours(1), null, null, null),
                new WatchedSeries("guardrail-blocks", "guardrail blocks per hour",
                        "sum by (category) (increase(vigia_guardrail_decisions_total{decision=\"blocked\"}[1h]))", "{{category}}",
                        "short", BuiltInDashboards.GUARDRAILS, WatchedSeries.Direction.UP,
                        base.withMinRelative(1.0).withMinAbsolute(20).withMinDuration(Duration.ofHours(1)), Duration.ofHours(2),
                        ChangeEvent.Kind.GUARDRAIL_SPIKE, null, null),
                new WatchedSeries("feature-mean", "mean model input",
                        "sum by (feature) (increase(vigia_model_input_feature_sum[1h])) / sum by (feature) (increase("
                                + "vigia_model_input_feature_count[1h]))", "{{feature}}", "short", BuiltInDashboards.MODEL_DRIFT,
                        WatchedSeries.Direction.BOTH, base.withMinRelative(0.3).withMinDuration(Duration.ofHours(2)),
                        Duration.ofHours(1), null, null, null),
                // a day's SAST-flagged count is a few dozen (Poisson noise alone moves a daily ratio by
                // 20% and more, more on weekends): the rate is taken over a trailing week
                new WatchedSeries("sast-per-1000", "SAST-flagged per 1,000 accepted (trailing 7 days)",
                        "1000 * sum(increase(vigia_copilot_accepted_with_sast_findings_total[7d])) / sum(increase("
                                + "vigia_copilot_suggestions_accepted_total[7d]))", "", "short", BuiltInDashboards.COPILOT_HEALTH,
                        WatchedSeries.Direction.UP, base.withMinRelative(0.4).withMinDuration(Duration.ofDays(1))
                                .withMergeGap(Duration.ofDays(3)), Duration.ofDays(7), null, ACCEPTED_PRESENT, Duration.ofDays(7)),
                new WatchedSeries("acceptance", "acceptance rate (trailing 24 h)",
                        "sum(increase(vigia_copilot_suggestions_accepted_total[1d])) / sum(increase("
                                + "vigia_copilot_suggestions_shown_total[1d]))", "", "percentunit", BuiltInDashboards.COPILOT_HEALTH,
                        WatchedSeries.Direction.BOTH, base.withMinRelative(0.15).withMinDuration(Duration.ofHours(6))
                                .withMergeGap(Duration.ofDays(3)), Duration.ofDays(1), null, ACCEPTED_PRESENT, Duration.ofDays(1)));
    }
}
