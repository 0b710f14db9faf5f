package io.vigia.datasources.bindings;

import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.bindings.query.QueryPlan;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each HTTP convention's series, shaped as its documentation (or a real exporter) shows them, are
 * probed, bound and queried with the generated PromQL on the embedded engine. The histograms put
 * 50 % of requests under 0.1 s, 90 % under 0.5 s and all under 1 s, so p95 is 0.75 s whatever the
 * unit; 5 % of requests fail where a status is given.
 */
class HttpConventionsOnEngineTest {
    private static final String W = "5m";

    @Test
    void vigiasOwnSimulatorNamesBindToTheServiceLabel() {
        FakeFleet f = new FakeFleet();
        for (String svc : new String[]{"payments", "search"}) {
            f.histogram("http_server_request_duration_seconds", 9.5, FakeFleet.shares(1), 0.2, "service", svc,
                    "http_route", "/v1/pay", "http_response_status_code", "200");
            f.histogram("http_server_request_duration_seconds", 0.5, FakeFleet.shares(1), 0.2, "service", svc,
                    "http_route", "/v1/pay", "http_response_status_code", "500");
        }
        SourceBindings b = FakeFleet.bindings(f);
        LatencyBinding lat = b.latency().orElseThrow();
        assertThat(b.input(SemanticInput.REQUEST_LATENCY).conventionId()).isEqualTo("vigia-contract");
        assertThat(lat.service()).isEqualTo(new ServiceLabel.OnSeries("service"));
        assertThat(lat.route()).isEqualTo("http_route");
        assertThat(lat.kind()).isEqualTo(LatencyKind.CLASSIC_HISTOGRAM);

        assertThat(f.values(p95(lat, Filter.NONE, Set.of(Dimension.SERVICE)), "service"))
                .hasSize(2).allSatisfy((k, v) -> assertThat(v).isCloseTo(0.75, within(1e-9)));
        RequestCountBinding req = b.requests().orElseThrow();
        assertThat(req.status()).isEqualTo(new StatusLabel("http_response_status_code", "5.."));
        assertThat(f.value(HttpQueries.errorShare(req, Filter.of(Dimension.SERVICE, "payments"), Set.of(), W).promql()))
                .isCloseTo(0.05, within(1e-9));
        assertThat(f.value(HttpQueries.throughput(req, Filter.of(Dimension.SERVICE, "search"), Set.of(), W).promql()))
                .isCloseTo(10.0, within(1e-6));
    }

    @Test
    void openTelemetryPullExporterTakesTheServiceNameFromTargetInfo() {
        FakeFleet f = new FakeFleet();
        // Pull exporter: job and instance from the scrape config, service.name only on target_info.
        f.histogram("http_server_request_duration_seconds", 4, FakeFleet.shares(1), 0.2, "job", "java-apps",
                "instance", "10.0.0.7:9464", "http_route", "/cart", "http_request_method", "GET", "http_response_status_code", "200");
        f.histogram("http_server_request_duration_seconds", 4, FakeFleet.shares(1), 0.2, "job", "java-apps",
                "instance", "10.0.0.8:9464", "http_route", "/cart", "http_request_method", "GET", "http_response_status_code", "200");
        f.gauge(1, FakeFleet.T0, FakeFleet.END, "__name__", "target_info", "job", "java-apps", "instance", "10.0.0.7:9464",
                "service_name", "cart", "telemetry_sdk_language", "java");
        // A deploy two minutes before the end: target_info of 10.0.0.8 changes labels, both inside the lookback.
        f.gauge(1, FakeFleet.T0, FakeFleet.END - 120_000, "__name__", "target_info", "job", "java-apps",
                "instance", "10.0.0.8:9464", "service_name", "checkout", "service_version", "1.4.0");
        f.gauge(1, FakeFleet.END - 105_000, FakeFleet.END, "__name__", "target_info", "job", "java-apps",
                "instance", "10.0.0.8:9464", "service_name", "checkout", "service_version", "1.5.0");

        LatencyBinding lat = FakeFleet.bindings(f).latency().orElseThrow();
        assertThat(lat.service()).isEqualTo(new ServiceLabel.FromInfo("service_name", "target_info", java.util.List.of("job", "instance")));
        QueryPlan.Available byService = (QueryPlan.Available) HttpQueries.quantile(lat, 0.95, Filter.NONE, Set.of(Dimension.SERVICE), W);
        assertThat(byService.promql()).contains("group_left (service_name)");
        assertThat(byService.legend()).isEqualTo("{{service_name}}");
        assertThat(f.values(byService.promql(), "service_name")).containsOnlyKeys("cart", "checkout")
                .allSatisfy((k, v) -> assertThat(v).isCloseTo(0.75, within(1e-9)));
        assertThat(f.value(p95(lat, Filter.of(Dimension.SERVICE, "checkout"), Set.of()))).isCloseTo(0.75, within(1e-9));
        assertThat(f.value(HttpQueries.throughput(FakeFleet.bindings(f).requests().orElseThrow(),
                Filter.of(Dimension.SERVICE, "cart"), Set.of(), W).promql())).isCloseTo(4.0, within(1e-6));
    }

    @Test
    void openTelemetryOverOtlpHasTheServiceInJob() {
        FakeFleet f = new FakeFleet();
        f.histogram("http_server_request_duration_seconds", 3, FakeFleet.shares(1), 0.2, "job", "shop/cart",
                "instance", "6c1e2f0a", "http_route", "/cart", "http_response_status_code", "200");
        f.gauge(1, FakeFleet.T0, FakeFleet.END, "__name__", "target_info", "job", "shop/cart", "instance", "6c1e2f0a",
                "telemetry_sdk_language", "go");
        BoundInput in = FakeFleet.probe(f, SemanticInput.REQUEST_LATENCY);
        assertThat(in.conventionId()).isEqualTo("otel-http-semconv");
        LatencyBinding lat = (LatencyBinding) in.chosen();
        assertThat(lat.service()).isEqualTo(new ServiceLabel.OnSeries("job"));
        assertThat(f.values(p95(lat, Filter.NONE, Set.of(Dimension.SERVICE)), "job")).containsOnlyKeys("shop/cart");
    }

    @Test
    void micrometerWithoutPercentileHistogramsGivesTheMeanAndSaysSo() {
        FakeFleet f = new FakeFleet();
        for (String status : new String[]{"200", "503"}) {
            double rate = status.equals("200") ? 19 : 1;
            String[] l = {"application", "orders", "uri", "/orders/{id}", "method", "GET", "status", status,
                    "outcome", status.equals("200") ? "SUCCESS" : "SERVER_ERROR", "exception", "None"};
            f.counter(rate, FakeFleet.with(l, "__name__", "http_server_requests_seconds_count"));
            f.counter(rate * 0.2, FakeFleet.with(l, "__name__", "http_server_requests_seconds_sum"));
            f.gauge(0.9, FakeFleet.T0, FakeFleet.END, FakeFleet.with(l, "__name__", "http_server_requests_seconds_max"));
        }
        BoundInput in = FakeFleet.probe(f, SemanticInput.REQUEST_LATENCY);
        LatencyBinding lat = (LatencyBinding) in.chosen();
        assertThat(in.conventionId()).isEqualTo("micrometer-spring-boot");
        assertThat(lat.kind()).isEqualTo(LatencyKind.MEAN_ONLY);
        assertThat(lat.service()).isEqualTo(new ServiceLabel.OnSeries("application"));
        assertThat(in.notes()).anyMatch(n -> n.contains("mean latency only"));
        assertThat(HttpQueries.quantile(lat, 0.95, Filter.NONE, Set.of(), W))
                .isEqualTo(new QueryPlan.Unavailable("http_server_requests_seconds has only _sum and _count: no quantiles, only the mean latency"));
        QueryPlan.Available mean = (QueryPlan.Available) HttpQueries.mean(lat, Filter.of(Dimension.SERVICE, "orders"), Set.of(), W);
        assertThat(mean.notes()).anyMatch(n -> n.startsWith("mean latency"));
        assertThat(f.value(mean.promql())).isCloseTo(0.2, within(1e-9));
        RequestCountBinding req = FakeFleet.bindings(f).requests().orElseThrow();
        assertThat(f.value(HttpQueries.errorShare(req, Filter.NONE, Set.of(), W).promql())).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void micrometerWithPercentileHistogramsHasBuckets() {
        FakeFleet f = new FakeFleet().histogram("http_server_requests_seconds", 5, FakeFleet.shares(1), 0.2,
                "application", "orders", "uri", "/orders", "status", "200");
        LatencyBinding lat = FakeFleet.bindings(f).latency().orElseThrow();
        assertThat(lat.kind()).isEqualTo(LatencyKind.CLASSIC_HISTOGRAM);
        assertThat(f.value(p95(lat, Filter.of(Dimension.ROUTE, "/orders"), Set.of()))).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void istioMillisecondsAreConvertedAndOnlyTheServerSideCounts() {
        FakeFleet f = new FakeFleet();
        for (String reporter : new String[]{"destination", "source"}) {
            String[] l = {"reporter", reporter, "destination_workload", "reviews-v1", "destination_service_name", "reviews",
                    "source_workload", "productpage-v1"};
            f.histogram("istio_request_duration_milliseconds", 9, FakeFleet.shares(1000), 200, FakeFleet.with(l, "response_code", "200"));
            f.histogram("istio_request_duration_milliseconds", 1, FakeFleet.shares(1000), 200, FakeFleet.with(l, "response_code", "503"));
            f.counter(9, FakeFleet.with(l, "__name__", "istio_requests_total", "response_code", "200"));
            f.counter(1, FakeFleet.with(l, "__name__", "istio_requests_total", "response_code", "503"));
        }
        SourceBindings b = FakeFleet.bindings(f);
        LatencyBinding lat = b.latency().orElseThrow();
        assertThat(lat.unit()).isEqualTo(DurationUnit.MILLISECONDS);
        assertThat(lat.fixed()).containsEntry("reporter", "destination");
        assertThat(f.value(p95(lat, Filter.of(Dimension.SERVICE, "reviews-v1"), Set.of()))).isCloseTo(0.75, within(1e-9));
        assertThat(f.value(HttpQueries.mean(lat, Filter.NONE, Set.of(), W).promql())).isCloseTo(0.2, within(1e-9));
        RequestCountBinding req = b.requests().orElseThrow();
        assertThat(f.value(HttpQueries.throughput(req, Filter.NONE, Set.of(), W).promql()))
                .as("the source-side duplicate is not counted").isCloseTo(10, within(1e-6));
        assertThat(f.value(HttpQueries.errorShare(req, Filter.NONE, Set.of(), W).promql())).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void prometheusItselfHasNoStatusOnTheHistogramSoItsRequestCounterIsBound() {
        FakeFleet f = new FakeFleet();
        f.histogram("prometheus_http_request_duration_seconds", 2, FakeFleet.shares(1), 0.2, "job", "prometheus",
                "instance", "localhost:9090", "handler", "/api/v1/query");
        f.counter(1.9, "__name__", "prometheus_http_requests_total", "job", "prometheus", "instance", "localhost:9090",
                "handler", "/api/v1/query", "code", "200");
        f.counter(0.1, "__name__", "prometheus_http_requests_total", "job", "prometheus", "instance", "localhost:9090",
                "handler", "/api/v1/query", "code", "503");
        SourceBindings b = FakeFleet.bindings(f);
        LatencyBinding lat = b.latency().orElseThrow();
        assertThat(lat.route()).isEqualTo("handler");
        assertThat(lat.service()).isEqualTo(new ServiceLabel.OnSeries("job"));
        RequestCountBinding req = b.requests().orElseThrow();
        assertThat(req.metric()).isEqualTo("prometheus_http_requests_total");
        assertThat(b.input(SemanticInput.REQUEST_COUNT).candidates()).extracting(c -> ((RequestCountBinding) c.binding()).metric())
                .containsExactly("prometheus_http_requests_total", "prometheus_http_request_duration_seconds_count");
        assertThat(f.value(HttpQueries.errorShare(req, Filter.of(Dimension.ROUTE, "/api/v1/query"), Set.of(), W).promql()))
                .isCloseTo(0.05, within(1e-9));
        assertThat(f.values(p95(lat, Filter.NONE, Set.of(Dimension.SERVICE, Dimension.ROUTE)), "handler"))
                .containsOnlyKeys("/api/v1/query");
    }

    /**
     * Found with a real Prometheus beside a Micrometer service without percentile histograms
     * (MicrometerServiceOnPrometheusE2ETest): every default Prometheus scrapes itself, and its own
     * HTTP histogram outscored the application's mean-only timer.
     */
    @Test
    void theApplicationsMeanOnlyTimerOutranksPrometheussOwnHistogramBesideIt() {
        FakeFleet f = new FakeFleet();
        f.histogram("prometheus_http_request_duration_seconds", 1, FakeFleet.shares(1), 0.01, "job", "prometheus",
                "instance", "localhost:9090", "handler", "/metrics");
        f.counter(1, "__name__", "prometheus_http_requests_total", "job", "prometheus", "instance", "localhost:9090",
                "handler", "/metrics", "code", "200");
        String[] l = {"application", "ledger", "uri", "/entries", "method", "GET", "status", "200", "outcome", "SUCCESS",
                "exception", "none", "job", "ledger", "instance", "10.0.0.9:8080"};
        f.counter(5, FakeFleet.with(l, "__name__", "http_server_requests_seconds_count"));
        f.counter(5 * 0.03, FakeFleet.with(l, "__name__", "http_server_requests_seconds_sum"));
        SourceBindings b = FakeFleet.bindings(f);
        assertThat(b.input(SemanticInput.REQUEST_LATENCY).conventionId()).isEqualTo("micrometer-spring-boot");
        assertThat(b.latency().orElseThrow().kind()).isEqualTo(LatencyKind.MEAN_ONLY);
        assertThat(b.requests().orElseThrow().metric()).isEqualTo("http_server_requests_seconds_count");
        Candidate own = b.input(SemanticInput.REQUEST_LATENCY).candidates().stream()
                .filter(c -> c.conventionId().equals("prometheus-self")).findFirst().orElseThrow();
        assertThat(own.score().explain()).contains("the monitoring system's own API, not an application's -200");
    }

    /**
     * Found with a real Prometheus (PrometheusRestartE2ETest): a service that never answered a 5xx has
     * no 5xx series, and its error share was no data instead of 0.
     */
    @Test
    void aServiceWithoutServerErrorsHasAnErrorShareOfZeroNotNoData() {
        FakeFleet f = new FakeFleet();
        f.histogram("http_server_request_duration_seconds", 9.5, FakeFleet.shares(1), 0.2, "service", "payments",
                "http_route", "/v1/pay", "http_response_status_code", "200");
        f.histogram("http_server_request_duration_seconds", 0.5, FakeFleet.shares(1), 0.2, "service", "payments",
                "http_route", "/v1/pay", "http_response_status_code", "503");
        f.histogram("http_server_request_duration_seconds", 4, FakeFleet.shares(1), 0.2, "service", "search",
                "http_route", "/v1/find", "http_response_status_code", "200");
        RequestCountBinding req = FakeFleet.bindings(f).requests().orElseThrow();
        assertThat(f.values(HttpQueries.errorShare(req, Filter.NONE, Set.of(Dimension.SERVICE), W).promql(), "service"))
                .containsOnlyKeys("payments", "search")
                .hasEntrySatisfying("payments", v -> assertThat(v).isCloseTo(0.05, within(1e-9)))
                .hasEntrySatisfying("search", v -> assertThat(v).isZero());
        assertThat(f.value(HttpQueries.errorShare(req, Filter.of(Dimension.SERVICE, "search"), Set.of(), W).promql())).isZero();
    }

    @Test
    void grpcServerErrorsAreTheCodesThatMapToHttp5xx() {
        FakeFleet f = new FakeFleet();
        String[] l = {"job", "billing", "grpc_service", "billing.v1.Invoices", "grpc_method", "Create", "grpc_type", "unary"};
        f.histogram("grpc_server_handling_seconds", 20, FakeFleet.shares(1), 0.2, l);
        f.counter(18, FakeFleet.with(l, "__name__", "grpc_server_handled_total", "grpc_code", "OK"));
        f.counter(1, FakeFleet.with(l, "__name__", "grpc_server_handled_total", "grpc_code", "Unavailable"));
        f.counter(1, FakeFleet.with(l, "__name__", "grpc_server_handled_total", "grpc_code", "NotFound"));
        SourceBindings b = FakeFleet.bindings(f);
        assertThat(b.latency().orElseThrow().service()).isEqualTo(new ServiceLabel.OnSeries("grpc_service"));
        RequestCountBinding req = b.requests().orElseThrow();
        assertThat(f.value(HttpQueries.errorShare(req, Filter.NONE, Set.of(), W).promql()))
                .as("NotFound is the caller's error, Unavailable the server's").isCloseTo(0.05, within(1e-9));
    }

    @Test
    void aSummaryAnswersOnlyTheQuantilesItHasAndSaysItCannotBeAggregated() {
        FakeFleet f = new FakeFleet();
        for (String instance : new String[]{"a:8080", "b:8080"}) {
            double p95 = instance.startsWith("a") ? 0.7 : 0.9;
            String[] l = {"application", "orders", "instance", instance, "uri", "/orders"};
            f.gauge(0.1, FakeFleet.T0, FakeFleet.END, FakeFleet.with(l, "__name__", "http_server_requests_seconds", "quantile", "0.5"));
            f.gauge(p95, FakeFleet.T0, FakeFleet.END, FakeFleet.with(l, "__name__", "http_server_requests_seconds", "quantile", "0.95"));
            f.counter(10, FakeFleet.with(l, "__name__", "http_server_requests_seconds_count"));
            f.counter(2, FakeFleet.with(l, "__name__", "http_server_requests_seconds_sum"));
        }
        LatencyBinding lat = FakeFleet.bindings(f).latency().orElseThrow();
        assertThat(lat.kind()).isEqualTo(LatencyKind.SUMMARY);
        assertThat(lat.quantiles()).containsExactlyInAnyOrder("0.5", "0.95");
        QueryPlan.Available p95 = (QueryPlan.Available) HttpQueries.quantile(lat, 0.95, Filter.NONE, Set.of(), W);
        assertThat(p95.notes()).anyMatch(n -> n.contains("highest instance"));
        assertThat(f.value(p95.promql())).isCloseTo(0.9, within(1e-9));
        assertThat(HttpQueries.quantile(lat, 0.99, Filter.NONE, Set.of(), W)).isInstanceOf(QueryPlan.Unavailable.class);
    }

    @Test
    void linkerdInboundMillisecondsPerDeployment() {
        FakeFleet f = new FakeFleet();
        f.histogram("response_latency_ms", 4, FakeFleet.shares(1000), 200, "direction", "inbound", "deployment", "web",
                "namespace", "emojivoto", "status_code", "200");
        f.histogram("response_latency_ms", 4, FakeFleet.shares(10), 2, "direction", "outbound", "deployment", "web",
                "namespace", "emojivoto", "status_code", "200");
        LatencyBinding lat = FakeFleet.bindings(f).latency().orElseThrow();
        assertThat(lat.fixed()).containsEntry("direction", "inbound");
        assertThat(f.values(p95(lat, Filter.NONE, Set.of(Dimension.SERVICE)), "deployment"))
                .containsOnlyKeys("web").allSatisfy((k, v) -> assertThat(v).isCloseTo(0.75, within(1e-9)));
    }

    @Test
    void ingressNginxTraefikAndOlderOpenTelemetryEachBindTheirOwnLabels() {
        FakeFleet nginx = new FakeFleet();
        String[] n = {"controller_class", "k8s.io/ingress-nginx", "ingress", "shop", "namespace", "shop", "path", "/",
                "service", "shop-web", "method", "GET", "host", "shop.example", "canary", ""};
        nginx.histogram("nginx_ingress_controller_request_duration_seconds", 5, FakeFleet.shares(1), 0.2, FakeFleet.with(n, "status", "200"));
        nginx.counter(4.5, FakeFleet.with(n, "__name__", "nginx_ingress_controller_requests", "status", "200"));
        nginx.counter(0.5, FakeFleet.with(n, "__name__", "nginx_ingress_controller_requests", "status", "502"));
        SourceBindings nb = FakeFleet.bindings(nginx);
        assertThat(nb.latency().orElseThrow().service()).isEqualTo(new ServiceLabel.OnSeries("service"));
        assertThat(nb.latency().orElseThrow().route()).isEqualTo("path");
        assertThat(nginx.value(p95(nb.latency().orElseThrow(), Filter.of(Dimension.SERVICE, "shop-web"), Set.of()))).isCloseTo(0.75, within(1e-9));

        FakeFleet traefik = new FakeFleet();
        traefik.histogram("traefik_service_request_duration_seconds", 5, FakeFleet.shares(1), 0.2, "service", "whoami@docker",
                "code", "200", "method", "GET", "protocol", "http");
        traefik.counter(5, "__name__", "traefik_service_requests_total", "service", "whoami@docker", "code", "200", "method", "GET",
                "protocol", "http");
        SourceBindings tb = FakeFleet.bindings(traefik);
        assertThat(tb.input(SemanticInput.REQUEST_LATENCY).conventionId()).isEqualTo("traefik");
        assertThat(traefik.value(HttpQueries.throughput(tb.requests().orElseThrow(), Filter.of(Dimension.SERVICE, "whoami@docker"),
                Set.of(), W).promql())).isCloseTo(5, within(1e-6));

        FakeFleet legacy = new FakeFleet().histogram("http_server_duration_milliseconds", 5, FakeFleet.shares(1000), 200,
                "job", "api", "instance", "a", "http_route", "/x", "http_status_code", "200");
        LatencyBinding lb = FakeFleet.bindings(legacy).latency().orElseThrow();
        assertThat(lb.unit()).isEqualTo(DurationUnit.MILLISECONDS);
        assertThat(legacy.value(p95(lb, Filter.NONE, Set.of()))).isCloseTo(0.75, within(1e-9));
        assertThat(FakeFleet.bindings(legacy).requests().orElseThrow().status()).isEqualTo(new StatusLabel("http_status_code", "5.."));
    }

    @Test
    void aCounterWithoutDurationsLeavesLatencyUnboundAndSaysWhatWasFound() {
        FakeFleet f = new FakeFleet();
        f.counter(5, "__name__", "http_requests_total", "job", "api", "code", "200", "handler", "/x");
        SourceBindings b = FakeFleet.bindings(f);
        BoundInput lat = b.input(SemanticInput.REQUEST_LATENCY);
        assertThat(lat.isBound()).isFalse();
        assertThat(lat.missing()).startsWith("needs a request-latency histogram; found http_requests_total (a counter, no durations)");
        assertThat(b.requests().orElseThrow().status()).isEqualTo(new StatusLabel("code", "5.."));
    }

    @Test
    void anUndocumentedNameIsOfferedOnlyAsALabelledGuessAndAnUnknownOneAsNearest() {
        FakeFleet f = new FakeFleet().histogram("shop_request_latency_seconds", 2, FakeFleet.shares(1), 0.2, "app", "cart");
        BoundInput in = FakeFleet.probe(f, SemanticInput.REQUEST_LATENCY);
        assertThat(in.conventionId()).isEqualTo("generic-duration-histogram");
        assertThat(in.candidates().getFirst().conventionTitle()).contains("not a documented convention");
        assertThat(((LatencyBinding) in.chosen()).service()).isEqualTo(new ServiceLabel.OnSeries("app"));

        FakeFleet unknown = new FakeFleet().histogram("cart_latency_seconds", 2, FakeFleet.shares(1), 0.2, "app", "cart");
        assertThat(FakeFleet.probe(unknown, SemanticInput.REQUEST_LATENCY).missing())
                .contains("cart_latency_seconds_bucket (histogram buckets of an unknown convention)");
    }

    @Test
    void aHostileServiceNameStaysAValue() {
        FakeFleet f = new FakeFleet().histogram("http_server_request_duration_seconds", 2, FakeFleet.shares(1), 0.2,
                "service", "x\"} or vector(1) # \n", "http_route", "/", "http_response_status_code", "200");
        LatencyBinding lat = FakeFleet.bindings(f).latency().orElseThrow();
        assertThat(f.value(p95(lat, Filter.of(Dimension.SERVICE, "x\"} or vector(1) # \n"), Set.of()))).isCloseTo(0.75, within(1e-9));
    }

    private static String p95(LatencyBinding lat, Filter filter, Set<Dimension> by) {
        return HttpQueries.quantile(lat, 0.95, filter, by, W).promql();
    }
}
