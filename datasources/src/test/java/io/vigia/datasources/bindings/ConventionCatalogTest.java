package io.vigia.datasources.bindings;

import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.catalog.HttpConvention;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConventionCatalogTest {
    private final ConventionCatalog c = ConventionCatalog.standard();

    @Test
    void theShippedCatalogCoversTheBriefsConventionsEachWithItsSource() {
        assertThat(c.http()).extracting(HttpConvention::latency).contains("http_server_request_duration_seconds",
                "http_server_duration_milliseconds", "http_server_requests_seconds", "istio_request_duration_milliseconds",
                "nginx_ingress_controller_request_duration_seconds", "traefik_service_request_duration_seconds",
                "response_latency_ms", "grpc_server_handling_seconds", "prometheus_http_request_duration_seconds",
                "http_request_duration_seconds");
        assertThat(c.deploys()).extracting(d -> d.metric() == null ? d.metricPattern() : d.metric())
                .contains("vigia_build_info", "target_info", "kube_pod_container_info", "kube_deployment_status_observed_generation",
                        "argocd_app_sync_total");
        assertThat(c.guardrails()).extracting(g -> g.id())
                .contains("vigia-contract", "litellm", "nemo-guardrails", "llm-guard-api", "kong-ai-gateway");
        Stream.of(c.http().stream().map(HttpConvention::source), c.deploys().stream().map(d -> d.source()),
                        c.guardrails().stream().map(g -> g.source()), c.restarts().stream().map(r -> r.source()))
                .flatMap(s -> s).forEach(s -> assertThat(s).isNotBlank());
        assertThat(c.http()).filteredOn(h -> h.latencyPattern() != null).singleElement()
                .satisfies(h -> assertThat(h.title()).contains("not a documented convention"));
    }

    @Test
    void aMalformedCatalogIsRefusedNamingTheFileAndTheProblem() {
        assertThatThrownBy(() -> read("http:\n  - {id: x, title: t, source: s, latency: \"bad name\", unit: SECONDS}\n"))
                .hasMessageContaining("edited.yaml").hasMessageContaining("not a Prometheus metric name");
        assertThatThrownBy(() -> read("http:\n  - {id: x, title: t, latency: a_seconds, unit: SECONDS}\n"))
                .hasMessageContaining("no source");
        assertThatThrownBy(() -> read("htp: []\n")).hasMessageContaining("htp");
        assertThatThrownBy(() -> read("http: [\n")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    }

    private static ConventionCatalog read(String yaml) {
        return ConventionCatalog.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "edited.yaml");
    }
}
