package io.vigia.dashboards.ask;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner on a workspace that is not the demo: other services, other metrics, wording the
 * evaluation set does not have. Nothing here was tuned for: it checks that the planner reads the
 * workspace's own values rather than remembering the demo's.
 */
class OfflinePlannerTest {
    static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
    static final AskContext SHOP = new AskContext("prod", NOW, ZoneOffset.UTC, Duration.ofSeconds(15),
            List.of("orders", "inventory", "auth-gateway"),
            Map.of("team", List.of("fulfilment", "identity"), "http_route", List.of("/orders/{id}", "/stock")),
            List.of(new AskContext.MetricInfo("http_server_request_duration_seconds_bucket", "histogram", ""),
                    new AskContext.MetricInfo("node_cpu_seconds_total", "counter", "Seconds the CPUs spent in each mode."),
                    new AskContext.MetricInfo("kafka_consumergroup_lag", "gauge", "Current approximate lag of a consumer group at a topic"),
                    new AskContext.MetricInfo("node_filesystem_avail_bytes", "gauge", "Filesystem space available to non-root users in bytes.")),
            BuiltInDashboards.all(),
            List.of(new Deploy(NOW.minus(Duration.ofDays(3)).toEpochMilli(), "orders", "5.1.0"),
                    new Deploy(NOW.minus(Duration.ofHours(20)).toEpochMilli(), "orders", "5.2.0")),
            null);
    final OfflinePlanner planner = new OfflinePlanner(new MiniLmEmbedder());

    private AskStep first(String question) {
        return planner.plan(question, SHOP).primary().orElseThrow();
    }

    @Test
    void readsTheWorkspacesOwnServicesWithTyposAndPartialNames() {
        assertThat(first("p99 of the ordrs service over the last 3 days")).isInstanceOfSatisfying(AskStep.Query.class, q -> {
            assertThat(q.service()).isEqualTo("orders");
            assertThat(q.stat()).isEqualTo(Stat.P99);
            assertThat(q.range()).isEqualTo(TimeWindow.last("3d"));
            assertThat(q.expr()).contains("service=\"orders\"").contains("histogram_quantile(0.99");
        });
        assertThat(first("is the gateway failing?")).isInstanceOfSatisfying(AskStep.Query.class, q -> {
            assertThat(q.service()).isEqualTo("auth-gateway");
            assertThat(q.stat()).isEqualTo(Stat.ERROR_SHARE);
        });
    }

    @Test
    void aDeployQuestionComparesTheServicesNewestDeploy() {
        AskPlan plan = planner.plan("did the latest orders rollout hurt latency?", SHOP);
        assertThat(plan.primary()).get().isEqualTo(new AskStep.DeployImpact("orders", "latest", Duration.ofHours(1), Stat.P95));
        assertThat(SHOP.deploy("orders", "latest")).get().extracting(Deploy::version).isEqualTo("5.2.0");
        assertThat(first("what did orders 5.1.0 do to the error rate, 30 minutes either side"))
                .isEqualTo(new AskStep.DeployImpact("orders", "5.1.0", Duration.ofMinutes(30), Stat.ERROR_SHARE));
    }

    @Test
    void aMetricNoStatisticCoversIsFoundByMeaningThroughItsHelpText() {
        AskPlan plan = planner.plan("how far behind are the kafka consumers", SHOP);
        assertThat(plan.primary()).get().isInstanceOfSatisfying(AskStep.Query.class, q -> {
            assertThat(q.stat()).isEqualTo(Stat.RAW);
            assertThat(q.metric()).isEqualTo("kafka_consumergroup_lag");
            assertThat(q.expr()).isEqualTo("sum (kafka_consumergroup_lag)");
        });
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).startsWith("matched by meaning"));
        assertThat(first("disk space left")).isInstanceOfSatisfying(AskStep.Query.class,
                q -> assertThat(q.metric()).isEqualTo("node_filesystem_avail_bytes"));
        assertThat(first("processor time")).isInstanceOfSatisfying(AskStep.Query.class,
                q -> assertThat(q.expr()).isEqualTo("sum (rate(node_cpu_seconds_total[$__rate_interval]))"));
    }

    @Test
    void timePhrasesBecomeGrafanaRanges() {
        assertThat(TimePhrases.range("over the last 90 minutes")).contains(TimeWindow.last("90m"));
        assertThat(TimePhrases.range("in the past fortnight")).contains(TimeWindow.last("14d"));
        assertThat(TimePhrases.range("for the past day")).contains(TimeWindow.last("1d"));
        assertThat(TimePhrases.range("last week")).contains(new TimeWindow("now-1w/w", "now-1w/w"));
        assertThat(TimePhrases.range("over the last week")).contains(TimeWindow.last("7d"));
        assertThat(TimePhrases.range("last month")).contains(new TimeWindow("now-1M/M", "now-1M/M"));
        assertThat(TimePhrases.range("since monday")).contains(new TimeWindow("now/w", "now"));
        assertThat(TimePhrases.range("top 3 services by errors")).isEmpty();
        assertThat(TimePhrases.deployWindow("2 hours before and after the deploy")).contains(Duration.ofHours(2));
    }

    @Test
    void typosAreToleratedButShortWordsMustMatchExactly() {
        assertThat(QuestionText.matches("depoly", "deploy")).isTrue();
        assertThat(QuestionText.matches("acceptence", "acceptance")).isTrue();
        assertThat(QuestionText.matches("last", "fast")).as("four letters: exact only").isFalse();
        assertThat(QuestionText.matches("p99", "p95")).isFalse();
        QuestionText t = QuestionText.of("acceptance of the payments-core team");
        assertThat(t.take(List.of("payments-core"))).contains("payments-core");
        assertThat(t.take(List.of("payments"))).as("its words are taken").isEmpty();
    }

    @Test
    void aQuestionWithNothingToGoOnSaysWhatItAssumed() {
        AskPlan plan = planner.plan("   ", SHOP);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().startsWith("ask a question");
    }
}
