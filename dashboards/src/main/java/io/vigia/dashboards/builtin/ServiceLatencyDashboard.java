package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.Variable;

import java.util.List;

import static io.vigia.dashboards.builtin.Builder.instant;
import static io.vigia.dashboards.builtin.Builder.q;

/**
 * Service Latency &amp; Deploys: latency, errors, throughput, running versions, deploy markers.
 * Written against what it needs ({@code @latency}, {@code @errors}…, see docs/bindings.md), so one
 * dashboard reads Vigia's contract, OpenTelemetry, Micrometer, Istio, Prometheus itself…: the
 * binding step writes each query in the source's names. Legends name dimensions ({@code {{service}}}).
 */
final class ServiceLatencyDashboard {
    /** The service variable: every service the source's request metrics name, payments by default (the demo's). */
    static final Variable SERVICE = new Variable.QueryVariable("service", "Service", "", "@label_values of=service", "",
            false, true, "", List.of("payments"));

    private ServiceLatencyDashboard() {
    }

    static Dashboard build() {
        Builder b = new Builder();
        b.variable(SERVICE);
        b.firstRowHeight(8);
        b.timeSeries("p95 latency by service", "s", 12,
                q("A", "@latency q=0.95 by=service", "{{service}}"));
        b.timeSeries("p50 / p95 / p99 of the chosen service", "s", 12,
                q("A", "@latency q=0.5 by=service service=$service", "{{service}} p50"),
                q("B", "@latency q=0.95 by=service service=$service mean=skip", "{{service}} p95"),
                q("C", "@latency q=0.99 by=service service=$service mean=skip", "{{service}} p99"));
        b.row(8);
        b.timeSeries("Error rate by service (5xx share)", "percentunit", 12,
                q("A", "@errors by=service", "{{service}}"));
        b.timeSeries("Throughput by service", "reqps", 12,
                q("A", "@throughput by=service", "{{service}}"));
        b.row(8);
        b.table("Running versions", 12, PanelOptions.DEFAULTS,
                instant("A", "@versions", "{{service}} {{version}}"));
        b.timeSeries("p95 latency by route", "s", 12,
                q("A", "@latency q=0.95 by=service,route", "{{service}} {{route}}"));
        return b.dashboard(BuiltInDashboards.SERVICE_LATENCY, "Service Latency & Deploys", "now-7d", List.of("sre", "built-in"),
                List.of(BuiltInDashboards.deploys()));
    }
}
