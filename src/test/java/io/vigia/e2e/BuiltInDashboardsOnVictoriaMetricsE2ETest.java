package io.vigia.e2e;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.query.BindingStep;
import io.vigia.dashboards.query.BoundQuery;
import io.vigia.datasources.promql.QuerySelectors;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.QueryExpander;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.deploy.ChangeEvent;
import io.vigia.datasources.bindings.deploy.DeployDetector;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.grafana.GrafanaResolution;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.datasources.simulator.FanOutSink;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's fleet (the data of {@link SimulatedFleetVsPrometheusE2ETest}: seed 42, 15 days every
 * 5 minutes) imported into a real VictoriaMetrics (Debian's 1.79) through
 * {@code /api/v1/import/prometheus} from the OpenMetrics backfill writer, and written into a workspace:
 * every PromQL query of the built-in dashboards that reads what the simulator writes (templates
 * resolved as on any source following Vigia's contract), with the dashboards' default variables, runs
 * on both, VictoriaMetrics asked through Vigia's own {@code PrometheusClient}. Selectors,
 * aggregations and {@code *_over_time} agree within 1e-6; rate and increase (and the quantiles over
 * them) differ exactly as MetricsQL documents ({@link MetricsQlDifferences}).
 */
@NeedsProgram("victoria-metrics")
class BuiltInDashboardsOnVictoriaMetricsE2ETest {
    static final Instant END = SimulatedFleetVsPrometheusE2ETest.END;
    static final Instant START = SimulatedFleetVsPrometheusE2ETest.START;
    static final Duration INTERVAL = SimulatedFleetVsPrometheusE2ETest.INTERVAL;

    /** Gauges through selectors, aggregations and *_over_time: no panel of the built-ins uses the last. */
    static final List<String> AGGREGATIONS = List.of(
            "vigia_copilot_active_users",
            "avg by (team) (vigia_copilot_active_users)",
            "min(vigia_copilot_active_users)",
            "max by (team) (vigia_copilot_active_users)",
            "count(vigia_copilot_active_users)",
            "count by (service) (vigia_build_info)",
            "avg_over_time(vigia_copilot_active_users[1h])",
            "min_over_time(vigia_copilot_active_users[6h])",
            "max_over_time(vigia_copilot_active_users[6h])",
            "sum_over_time(vigia_copilot_active_users[1h])",
            "count_over_time(vigia_copilot_active_users[1h])",
            "last_over_time(vigia_build_info[1h])",
            "sum by (team) (avg_over_time(vigia_copilot_active_users[1d]))");

    private static Path dir;
    private static Workspace workspace;
    private static SqliteSeriesStore store;
    private static MetricsSource vigia;
    private static MetricsSource anchored;
    private static VictoriaMetricsServer victoria;
    private static PrometheusClient vm;
    private static GrafanaResolution res;

    @BeforeAll
    static void load() throws Exception {
        dir = Files.createTempDirectory("vigia-victoria-e2e-");
        Path file = dir.resolve("fleet.om");
        workspace = Workspace.open(dir.resolve("fleet.vigia"));
        store = new SqliteSeriesStore(workspace);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); SeriesWriter writer = store.writer()) {
            FleetSimulator.run(SimulatedFleetVsPrometheusE2ETest.SEED, START.toEpochMilli(), END.toEpochMilli(), INTERVAL.toMillis(),
                    new FanOutSink(List.of(new OpenMetricsBackfillWriter(w), new SeriesWriterSink(writer))));
            writer.commit();
        }
        victoria = VictoriaMetricsServer.start();
        victoria.importPrometheus(file);
        vigia = new LocalPromqlSource("local", store);
        anchored = new LocalPromqlSource("anchored", store, PromqlFeatures.ALL);
        vm = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS, victoria.url().toString()).withName("victoria")
                .withTimeout(Duration.ofSeconds(60)), SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
        // a 1,200 px panel over the last 7 days, as SimulatedFleetVsPrometheusE2ETest draws them
        res = GrafanaResolution.compute(END.minus(Duration.ofDays(7)), END, 600, INTERVAL);
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (vm != null) {
            vm.close();
        }
        if (store != null) {
            store.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (victoria != null) {
            victoria.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBuiltInPanelQueryAgreesOrDiffersAsMetricsQlDocuments() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BuiltInContractQueries.Bound b : BuiltInContractQueries.on(vigia, START, END)) {
            String expr = QueryExpander.expand(b.expr(), b.dashboard().variables(), Map.of(), Map.of(), res);
            tests.add(DynamicTest.dynamicTest(b.label(), () -> compare(expr, b.query().instant())));
        }
        assertThat(tests).hasSizeGreaterThan(30);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> selectorsAggregationsAndOverTimeAgree() {
        return AGGREGATIONS.stream().flatMap(q -> Stream.of(
                DynamicTest.dynamicTest("range " + q, () -> compare(q, false)),
                DynamicTest.dynamicTest("instant " + q, () -> compare(q, true))));
    }

    private static void compare(String expr, boolean instant) {
        QueryResult fromVm = run(vm, expr, instant);
        QueryResult fromVigia = run(vigia, expr, instant);
        if (!MetricsQlDifferences.usesRateOrIncrease(expr)) {
            assertThat(MetricsQlDifferences.assertAgrees(expr, fromVm, fromVigia)).as("points compared").isPositive();
            return;
        }
        QueryResult fromAnchored = run(anchored, MetricsQlDifferences.anchored(expr), instant);
        Set<Long> gaps = MetricsQlDifferences.irregularSteps(vigia, expr, res.start(), instant ? END : res.end(), res.step(), instant,
                INTERVAL);
        MetricsQlDifferences.Tally t = MetricsQlDifferences.assertDocumentedDifferences(expr, fromVm, fromVigia, fromAnchored, gaps);
        assertThat(t.agreed()).as("points where MetricsQL and anchored PromQL agree").isPositive();
    }

    private static QueryResult run(MetricsSource source, String expr, boolean instant) {
        return instant ? source.query(expr, END).result() : source.queryRange(expr, res.start(), res.end(), res.step()).result();
    }

    @Test
    void probingVictoriaMetricsBindsTheSimulatorsConventionAndFindsTheSameDeploys() {
        ProbeWindow window = new ProbeWindow(END.minus(Duration.ofDays(7)), END);
        SourceBindings onVm = new BindingProber(ConventionCatalog.standard()).probe("victoria", vm, MetricTypes.of(vm), window).bindings();
        SourceBindings onVigia = new BindingProber(ConventionCatalog.standard()).probe("local", vigia, MetricTypes.none(), window).bindings();
        for (SemanticInput i : SemanticInput.values()) {
            assertThat(onVm.input(i).chosen()).as("%s on VictoriaMetrics", i).isEqualTo(onVigia.input(i).chosen());
        }
        assertThat(onVm.input(SemanticInput.REQUEST_LATENCY).conventionId()).isEqualTo("vigia-contract");

        List<ChangeEvent> fromVm = new DeployDetector(vm).detect(onVm.deploys().orElseThrow(), onVm.restarts().orElse(null),
                window.from(), window.to(), INTERVAL).events();
        List<ChangeEvent> fromVigia = new DeployDetector(vigia).detect(onVigia.deploys().orElseThrow(), onVigia.restarts().orElse(null),
                window.from(), window.to(), INTERVAL).events();
        assertThat(fromVm).as("the simulator's deploys in the last week").isNotEmpty().isEqualTo(fromVigia);
    }
}
