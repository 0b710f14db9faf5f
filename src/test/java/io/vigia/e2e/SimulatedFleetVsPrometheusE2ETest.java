package io.vigia.e2e;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.query.QueryExpander;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.grafana.GrafanaResolution;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.datasources.simulator.FanOutSink;
import io.vigia.datasources.simulator.FleetScenario;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.datasources.simulator.OpenMetricsBackfillWriter;
import io.vigia.datasources.simulator.SeriesWriterSink;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.vigia.e2e.EmbeddedEngineVsPrometheusE2ETest.assertSameResult;
import static io.vigia.e2e.EmbeddedEngineVsPrometheusE2ETest.close;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's history (seed 42, 15 days every 5 minutes, so that every window of the panels, "offset 1w" included, lies inside the data) backfilled into a real Prometheus with
 * promtool, and written straight into a Vigia workspace store: the numbers behind the built-in
 * panels (last week's acceptance rate, blocked prompts per category, p95 of payments around the
 * regressing deploy) and every query of every built-in dashboard agree between the two.
 */
@NeedsProgram({"prometheus", "promtool"})
class SimulatedFleetVsPrometheusE2ETest {
    static final long SEED = 42;
    /** A Friday noon: "last week" (ISO, UTC) is Mon 2026-11-09 to Mon 2026-11-16. */
    static final Instant END = Instant.parse("2026-11-20T12:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(15));
    static final Instant LAST_WEEK_END = Instant.parse("2026-11-16T00:00:00Z");
    static final Duration INTERVAL = Duration.ofMinutes(5);

    private static PrometheusServer prometheus;
    private static Path dir;
    private static Workspace workspace;
    private static SqliteSeriesStore store;
    private static MetricsSource local;
    private static PrometheusClient remote;
    private static FleetScenario scenario;

    @BeforeAll
    static void load() throws Exception {
        dir = Files.createTempDirectory("vigia-fleet-e2e-");
        Path file = dir.resolve("fleet.om");
        workspace = Workspace.open(dir.resolve("fleet.vigia"));
        store = new SqliteSeriesStore(workspace);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); SeriesWriter writer = store.writer()) {
            scenario = FleetSimulator.run(SEED, START.toEpochMilli(), END.toEpochMilli(), INTERVAL.toMillis(),
                    new FanOutSink(List.of(new OpenMetricsBackfillWriter(w), new SeriesWriterSink(writer))));
            writer.commit();
        }
        prometheus = PrometheusServer.startWithBackfill(file);
        local = new LocalPromqlSource("local", store);
        remote = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS, prometheus.url().toString()),
                SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
    }

    @AfterAll
    static void shutdown() {
        if (remote != null) {
            remote.close();
        }
        if (store != null) {
            store.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void lastWeeksAcceptanceRateIsTheSame() throws Exception {
        String q = "sum(increase(vigia_copilot_suggestions_accepted_total[1w])) / sum(increase(vigia_copilot_suggestions_shown_total[1w]))";
        double prom = scalarOf(remote.query(q, LAST_WEEK_END).result());
        double vigia = scalarOf(local.query(q, LAST_WEEK_END).result());
        assertThat(prom).isBetween(0.2, 0.4);
        assertThat(close(prom, vigia)).as("Prometheus %s, Vigia %s", prom, vigia).isTrue();
    }

    @Test
    void lastWeeksBlockedPromptsPerCategoryAreTheSame() throws Exception {
        String q = "sum by (category) (increase(vigia_guardrail_decisions_total{decision=\"blocked\"}[1w]))";
        QueryResult prom = remote.query(q, LAST_WEEK_END).result();
        assertSameResult(q, prom, local.query(q, LAST_WEEK_END).result());
        assertThat(((QueryResult.Vector) prom).labels()).extracting(l -> l.get("category"))
                .contains("prompt_injection", "secret_access", "excessive_agency", "system_prompt_leakage", "toxicity",
                        "unbounded_consumption");
    }

    @Test
    void p95OfPaymentsBeforeAndAfterTheDeployIsTheSame() throws Exception {
        String q = "histogram_quantile(0.95, sum by (le) (increase(http_server_request_duration_seconds_bucket"
                + "{service=\"payments\",http_route=\"/v1/payments\"}[1h])))";
        Instant deploy = Instant.ofEpochMilli(scenario.regressionDeploy().timeMillis());
        Instant hourAfter = deploy.plus(Duration.ofHours(1));
        double before = scalarOf(remote.query(q, deploy).result());
        double after = scalarOf(remote.query(q, hourAfter).result());
        assertThat(close(before, scalarOf(local.query(q, deploy).result()))).isTrue();
        assertThat(close(after, scalarOf(local.query(q, hourAfter).result()))).isTrue();
        assertThat(after).as("the deploy regresses p95").isGreaterThan(2 * before);
    }

    /** Every PromQL query of every built-in dashboard, expanded as a 1,200 px wide panel would, on both. */
    @TestFactory
    Stream<DynamicTest> everyBuiltInPanelQueryAgrees() {
        List<DynamicTest> tests = new ArrayList<>();
        Instant from = END.minus(Duration.ofDays(7));
        GrafanaResolution res = GrafanaResolution.compute(from, END, 600, INTERVAL);
        for (BuiltInContractQueries.Bound b : BuiltInContractQueries.on(local, START, END)) {
            Query q = b.query();
            String expr = QueryExpander.expand(b.expr(), b.dashboard().variables(), Map.of(), Map.of(), res);
            tests.add(DynamicTest.dynamicTest(b.label(), () -> {
                if (q.instant()) {
                    assertSameResult(expr, remote.query(expr, END).result(), local.query(expr, END).result());
                } else {
                    assertSameResult(expr, remote.queryRange(expr, res.start(), res.end(), res.step()).result(),
                            local.queryRange(expr, res.start(), res.end(), res.step()).result());
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(30);
        return tests.stream();
    }

    private static double scalarOf(QueryResult r) {
        QueryResult.Vector v = (QueryResult.Vector) r;
        assertThat(v.size()).isEqualTo(1);
        return v.values()[0];
    }

}
