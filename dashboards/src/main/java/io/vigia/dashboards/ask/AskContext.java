package io.vigia.dashboards.ask;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.LatencyBinding;
import io.vigia.datasources.bindings.RequestCountBinding;
import io.vigia.datasources.bindings.SourceBindings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the planner knows about the workspace: its "now" (the demo's end on the demo workspace),
 * the services, the values of the labels questions name (teams, models, routes…), the metrics
 * with their HELP texts, the dashboards, the deploys and the telemetry bindings. Label values and
 * HELP texts come from the telemetry and are untrusted: they are matched, never obeyed.
 *
 * @param labelValues values per label name ({@code team}, {@code http_route}, {@code feature}…)
 * @param minStep     the shortest step a query gets (the source's scrape interval)
 */
public record AskContext(String source, Instant now, ZoneId zone, Duration minStep, List<String> services,
                         Map<String, List<String>> labelValues, List<MetricInfo> metrics, List<Dashboard> dashboards,
                         List<Deploy> deploys, SourceBindings bindings) {

    /** Vigia's own contract (docs/telemetry.md): what a source that was never probed, or lacks an input, is read as. */
    private static final SourceBindings CONTRACT = ContractBindings.of("");

    public AskContext {
        services = List.copyOf(services);
        labelValues = Map.copyOf(labelValues);
        metrics = List.copyOf(metrics);
        dashboards = List.copyOf(dashboards);
        deploys = deploys.stream().sorted(Comparator.comparingLong(Deploy::timeMillis)).toList();
    }

    /** One metric of the source: name, type ("counter", "histogram"… or "" when unknown) and HELP text. */
    public record MetricInfo(String name, String type, String help) {
    }

    public LatencyBinding latency() {
        return (bindings == null ? Optional.<LatencyBinding>empty() : bindings.latency()).orElseGet(() -> CONTRACT.latency().orElseThrow());
    }

    public RequestCountBinding requests() {
        return (bindings == null ? Optional.<RequestCountBinding>empty() : bindings.requests())
                .orElseGet(() -> CONTRACT.requests().orElseThrow());
    }

    /** The newest deploy of {@code service}, or of the given version. */
    public Optional<Deploy> deploy(String service, String version) {
        return deploys.reversed().stream()
                .filter(d -> service.equals(d.service()))
                .filter(d -> AskStep.DeployImpact.LATEST.equals(version) || version.equals(d.version()))
                .findFirst();
    }

    public List<String> values(String label) {
        return labelValues.getOrDefault(label, List.of());
    }

    public Optional<Dashboard> dashboard(String uid) {
        return dashboards.stream().filter(d -> d.uid().equals(uid)).findFirst();
    }
}
