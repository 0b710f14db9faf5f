package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.PanelOptions;

import java.util.List;

import static io.vigia.dashboards.builtin.Builder.instant;
import static io.vigia.dashboards.builtin.Builder.q;

/** Service Latency &amp; Deploys: latency, errors, throughput, running versions, deploy markers. */
final class ServiceLatencyDashboard {
    private static final String HTTP = "http_server_request_duration_seconds";

    private ServiceLatencyDashboard() {
    }

    static Dashboard build() {
        Builder b = new Builder();
        b.firstRowHeight(8);
        b.timeSeries("p95 latency by service", "s", 12,
                q("A", "histogram_quantile(0.95, sum by (le, service) (rate(" + HTTP + "_bucket[$__rate_interval])))", "{{service}}"));
        b.timeSeries("payments: p50 / p95 / p99", "s", 12,
                q("A", quantile("0.5", "payments"), "p50"),
                q("B", quantile("0.95", "payments"), "p95"),
                q("C", quantile("0.99", "payments"), "p99"));
        b.row(8);
        b.timeSeries("Error rate by service (5xx share)", "percentunit", 12,
                q("A", "sum by (service) (rate(" + HTTP + "_count{http_response_status_code=~\"5..\"}[$__rate_interval])) / sum by (service) (rate(" + HTTP + "_count[$__rate_interval]))", "{{service}}"));
        b.timeSeries("Throughput by service", "reqps", 12,
                q("A", "sum by (service) (rate(" + HTTP + "_count[$__rate_interval]))", "{{service}}"));
        b.row(8);
        b.table("Running versions", 12, PanelOptions.DEFAULTS,
                instant("A", "max by (service, version) (vigia_build_info)", "{{service}} {{version}}"));
        b.timeSeries("p95 latency by route", "s", 12,
                q("A", "histogram_quantile(0.95, sum by (le, service, http_route) (rate(" + HTTP + "_bucket[$__rate_interval])))", "{{service}} {{http_route}}"));
        return b.dashboard(BuiltInDashboards.SERVICE_LATENCY, "Service Latency & Deploys", "now-7d", List.of("sre", "built-in"),
                List.of(BuiltInDashboards.deploys()));
    }

    private static String quantile(String q, String service) {
        return "histogram_quantile(" + q + ", sum by (le) (rate(" + HTTP + "_bucket{service=\"" + service + "\"}[$__rate_interval])))";
    }
}
