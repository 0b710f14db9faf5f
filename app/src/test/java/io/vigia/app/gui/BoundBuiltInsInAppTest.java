package io.vigia.app.gui;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Variable;
import io.vigia.dashboards.query.BindingsLookup;
import io.vigia.dashboards.query.DeployImpact;
import io.vigia.dashboards.query.DeployImpact.Measure;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.DataSourceRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.DashboardViewModel;
import io.vigia.views.dashboards.deploys.DeployImpactViewModel;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 in the app: a workspace whose own store holds a Spring Boot service's HTTP metrics as
 * Micrometer writes them (not Vigia's contract) and a build-info gauge whose version changes. The
 * built-in Service Latency dashboard, with the bindings the app wires ({@link WorkspaceBindings}:
 * the local store probed on first use), draws p95, errors and throughput in the source's own names,
 * and Deploy impact finds the version change and shows p95 higher after it. With Vigia's contract
 * instead of the bindings the same panels are empty and no deploy is found.
 */
class BoundBuiltInsInAppTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant END = T0.plus(Duration.ofHours(2));
    private static final Instant DEPLOY = T0.plus(Duration.ofHours(1));
    private static final long STEP = 15_000;
    private static final TimeRange RANGE = new TimeRange(T0, END);
    /** The micrometer-spring-boot entry of conventions.yaml (Spring Boot Actuator's http.server.requests). */
    private static final String MICROMETER = "http_server_requests_seconds";

    @TempDir
    Path dir;

    @Test
    void serviceLatencyDrawsInMicrometersNamesAndDeployImpactFindsTheNewVersion() {
        try (Workspace ws = Workspace.open(dir.resolve("spring.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            writeSpringService(store);
            Clock clock = Clock.fixed(END.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
            DataSourceCatalog catalog = new DataSourceCatalog(new DataSourceRepository(ws), new InMemorySecretStore(),
                    new LocalPromqlSource(DataSourceCatalog.LOCAL, store), null, clock);
            // as GuiComposition wires the dashboards: the workspace's bindings, the local store probed on first use
            BindingsLookup bound = WorkspaceBindings.onFirstUse(ws, catalog, clock)::of;

            DashboardViewModel vm = open(catalog, clock, bound);
            for (String title : new String[] {"p95 latency by service", "Error rate by service (5xx share)", "Throughput by service"}) {
                PanelData d = data(vm, title);
                assertThat(d.errors()).as(title).isEmpty();
                assertThat(d.series()).as(title + ": one series for the one service").singleElement()
                        .satisfies(s -> assertThat(s.name()).isEqualTo("orders"))
                        .satisfies(s -> assertThat(java.util.Arrays.stream(s.values()).anyMatch(Double::isFinite)).isTrue());
                assertThat(d.sent()).as(title + ": the query as sent, in Micrometer's names").isNotEmpty()
                        .allSatisfy(s -> assertThat(s.expr()).contains(MICROMETER).doesNotContain(DeployImpact.HTTP));
            }
            assertThat(vm.variables().getFirst().options()).as("the service variable lists the bound service label's values")
                    .containsExactly("orders");
            assertThat(vm.variables().getFirst().selected()).as("the demo's default (payments) is absent, so All")
                    .containsExactly(Variable.ALL);
            assertThat(data(vm, "p50 / p95 / p99 of the chosen service").series()).extracting(TimeSeriesData::name)
                    .containsExactly("orders p50", "orders p95", "orders p99");
            TimeSeriesData p95 = data(vm, "p95 latency by service").series().getFirst();
            assertThat(valueAt(p95, T0.plus(Duration.ofMinutes(30)))).as("p95 before the deploy (0.25 + 0.05/0.1 × 0.25)")
                    .isCloseTo(0.375, within(1e-6));
            assertThat(valueAt(p95, END)).as("p95 after it (0.5 + 0.15/0.2 × 0.5)").isCloseTo(0.875, within(1e-6));
            assertThat(valueAt(data(vm, "Error rate by service (5xx share)").series().getFirst(), END)).as("1 request in 50 is a 500")
                    .isCloseTo(0.02, within(1e-9));

            DeployImpactViewModel impact = vm.deployImpact();
            assertThat(impact.statusProperty().get()).isEmpty();
            assertThat(impact.deploys()).singleElement().satisfies(d -> {
                assertThat(d.service()).isEqualTo("orders");
                assertThat(d.version()).isEqualTo("1.5.0");
                assertThat(d.previousVersion()).isEqualTo("1.4.0");
                assertThat(Math.abs(d.timeMillis() - DEPLOY.toEpochMilli())).as("found within one scrape of the change")
                        .isLessThanOrEqualTo(STEP);
            });
            DeployImpact.Result r = impact.resultProperty().get();
            assertThat(r).as("the latest deploy is chosen and compared").isNotNull();
            DeployImpact.Row p95Row = r.row(Measure.P95);
            assertThat(p95Row.expr()).contains(MICROMETER + "_bucket").contains("application=\"orders\"");
            assertThat(p95Row.after()).as("p95 after the deploy is higher than before").isGreaterThan(p95Row.before());
            assertThat(p95Row.before()).isCloseTo(0.375, within(1e-6));
            assertThat(p95Row.after()).isCloseTo(0.875, within(1e-6));
            assertThat(r.row(Measure.THROUGHPUT).after()).as("the request counter is read too").isCloseTo(5.0, within(1e-6));
        }
    }

    @Test
    void readAsVigiasContractTheSameDataDrawsNothingAndHasNoDeploy() {
        try (Workspace ws = Workspace.open(dir.resolve("spring.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            writeSpringService(store);
            Clock clock = Clock.fixed(END.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
            DataSourceCatalog catalog = new DataSourceCatalog(new DataSourceRepository(ws), new InMemorySecretStore(),
                    new LocalPromqlSource(DataSourceCatalog.LOCAL, store), null, clock);

            DashboardViewModel vm = open(catalog, clock, BindingsLookup.CONTRACT);
            for (String title : new String[] {"p95 latency by service", "Error rate by service (5xx share)", "Throughput by service"}) {
                PanelData d = data(vm, title);
                assertThat(d.series()).as(title + ": nothing under the contract's names").isEmpty();
                assertThat(d.sent()).as(title).allSatisfy(s -> assertThat(s.expr()).doesNotContain(MICROMETER));
            }
            DeployImpactViewModel impact = vm.deployImpact();
            assertThat(impact.deploys()).isEmpty();
            assertThat(impact.statusProperty().get()).startsWith("No deploy in this time range").contains("vigia_build_info");
        }
    }

    private static DashboardViewModel open(DataSourceCatalog catalog, Clock clock, BindingsLookup bindings) {
        DashboardViewModel vm = new DashboardViewModel(BuiltInDashboards.serviceLatency(), catalog::metricsSource,
                Duration.ofSeconds(15), new SameThreadTaskExecutor().scope(), clock, ZoneOffset.UTC);
        vm.setBindings(bindings);
        vm.range().rangeProperty().set(new RangeChoice.Absolute(RANGE));
        vm.loadVariableOptions(); // as the page does when it opens a dashboard
        vm.refresh();
        return vm;
    }

    private static PanelData data(DashboardViewModel vm, String title) {
        Panel p = vm.dashboard().allPanels().stream().filter(x -> x.title().equals(title)).findFirst().orElseThrow();
        PanelData d = vm.dataProperty(p).get();
        assertThat(d).as(title + " answered").isNotNull();
        return d;
    }

    /**
     * Two hours at 15 s of one Spring Boot service, "orders", as Micrometer's Prometheus registry
     * writes http.server.requests with percentiles-histogram on (conventions.yaml, micrometer-spring-boot:
     * tags application, uri, status, method, outcome, exception; {@code _bucket}/{@code _count}/{@code _sum}),
     * 5 requests/s of which 1 in 50 is a 500. Up to the deploy half the requests end under 0.1 s, 90 %
     * under 0.25 s and all under 0.5 s; after it, 20 % under 0.1 s, 50 % under 0.25 s, 80 % under 0.5 s,
     * all under 1 s. The deploy: a {@code *_build_info} gauge whose {@code version} changes from 1.4.0 to
     * 1.5.0 at the middle (conventions.yaml, build-info-version: the metric name is the application's own,
     * labels {@code version} and {@code application}).
     */
    private static void writeSpringService(SqliteSeriesStore store) {
        String[] les = {"0.1", "0.25", "0.5", "1.0", "+Inf"};
        double[] before = {0.5, 0.9, 1.0, 1.0, 1.0};
        double[] after = {0.2, 0.5, 0.8, 1.0, 1.0};
        Map<String, Double> perSecondByStatus = new LinkedHashMap<>();
        perSecondByStatus.put("200", 4.9);
        perSecondByStatus.put("500", 0.1);
        try (SeriesWriter w = store.writer()) {
            for (Map.Entry<String, Double> status : perSecondByStatus.entrySet()) {
                String[] tags = {"job", "orders-svc", "instance", "10.0.0.7:8080", "application", "orders", "uri", "/orders/{id}",
                        "method", "GET", "status", status.getKey(), "outcome", status.getKey().equals("200") ? "SUCCESS" : "SERVER_ERROR",
                        "exception", "None"};
                double rate = status.getValue();
                double[] buckets = new double[les.length];
                double count = 0;
                double sum = 0;
                for (long t = T0.toEpochMilli(); t <= END.toEpochMilli(); t += STEP) {
                    boolean afterDeploy = t > DEPLOY.toEpochMilli();
                    double[] shares = afterDeploy ? after : before;
                    double n = t == T0.toEpochMilli() ? 0 : rate * STEP / 1000.0;
                    for (int i = 0; i < les.length; i++) {
                        buckets[i] += n * shares[i];
                        w.append(Labels.of(with(tags, "__name__", MICROMETER + "_bucket", "le", les[i])), t, buckets[i]);
                    }
                    count += n;
                    sum += n * (afterDeploy ? 0.4 : 0.12);
                    w.append(Labels.of(with(tags, "__name__", MICROMETER + "_count")), t, count);
                    w.append(Labels.of(with(tags, "__name__", MICROMETER + "_sum")), t, sum);
                }
            }
            for (long t = T0.toEpochMilli(); t <= END.toEpochMilli(); t += STEP) {
                String version = t < DEPLOY.toEpochMilli() ? "1.4.0" : "1.5.0";
                w.append(Labels.of("__name__", "orders_build_info", "job", "orders-svc", "instance", "10.0.0.7:8080",
                        "application", "orders", "version", version), t, 1);
            }
            w.commit();
        }
    }

    /** The value at the last point at or before {@code t}. */
    private static double valueAt(TimeSeriesData s, Instant t) {
        int i = s.ts().length - 1;
        while (i > 0 && s.ts()[i] > t.toEpochMilli()) {
            i--;
        }
        return s.values()[i];
    }

    private static String[] with(String[] labels, String... more) {
        String[] out = new String[labels.length + more.length];
        System.arraycopy(labels, 0, out, 0, labels.length);
        System.arraycopy(more, 0, out, labels.length, more.length);
        return out;
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
