package io.vigia.dashboards.ask;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.query.DeployEvents;
import io.vigia.dashboards.query.DeployMarkers;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.simulator.FleetMetrics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the planner's knowledge from a source: metric names, the values of the labels questions
 * name, deploys over the last {@value #DAYS} days. A few label-value requests and the deploy
 * signals' range queries; blocking. HELP texts come from {@code help} (Prometheus's {@code /api/v1/metadata}); the
 * workspace store keeps none, so for it the contract's own texts ({@link FleetMetrics}) stand in.
 */
public final class AskContextLoader {
    static final int DAYS = 30;
    /** Labels whose values a question may name; the service label of the bindings is added. */
    static final List<String> LABELS = List.of("team", "model", "language", "editor", "feature", "category", "detector",
            "app", "http_route", "severity", "direction", "decision");

    private AskContextLoader() {
    }

    /**
     * @param scrapeInterval the source's scrape interval when it does not say (the local store: the demo's 5 min,
     *                       as the app's dashboards and Deploy impact take it)
     * @param help           a metric's type and HELP text where the source publishes them (empty otherwise)
     */
    public static AskContext load(MetricsSource source, SourceBindings bindings, List<Dashboard> stored, Instant now,
                                  ZoneId zone, Duration scrapeInterval, Function<String, AskContext.MetricInfo> help)
            throws QueryException {
        Instant from = now.minus(Duration.ofDays(DAYS));
        AskContext probe = new AskContext(source.name(), now, zone, Duration.ZERO, List.of(), Map.of(), List.of(),
                List.of(), List.of(), bindings);
        String serviceLabel = probe.latency().service() == null ? "service" : probe.latency().service().label();
        List<AskContext.MetricInfo> metrics = new ArrayList<>();
        for (String name : source.labelValues("__name__", List.of(), from, now)) {
            metrics.add(help.apply(name));
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String label : LABELS) {
            values.put(label, source.labelValues(label, List.of(), from, now));
        }
        List<String> services = source.labelValues(serviceLabel, List.of(), from, now);
        values.put(serviceLabel, services);
        List<Dashboard> dashboards = new ArrayList<>(BuiltInDashboards.all());
        stored.stream().filter(d -> dashboards.stream().noneMatch(b -> b.uid().equals(d.uid()))).forEach(dashboards::add);
        // deploys as the bindings find them (a version label, an image, a generation or a sync
        // signal), the same detection as the dashboards' markers and Deploy impact; a source never
        // probed (a test's, or a URL the probe could not read) is read as Vigia's own contract
        SourceBindings deploysFrom = bindings == null || bindings.deploys().isEmpty() ? ContractBindings.of(source.name()) : bindings;
        List<DeployMarkers.Deploy> deploys = DeployEvents.find(source, deploysFrom, new TimeRange(from, now), scrapeInterval).deploys();
        Duration minStep = source.minInterval().orElse(scrapeInterval);
        return new AskContext(source.name(), now, zone, minStep, services, values, metrics, dashboards, deploys, bindings);
    }

    /** The contract's type and HELP text for the simulator's metrics; nothing for others. */
    public static AskContext.MetricInfo contractHelp(String name) {
        for (FleetMetrics.Family f : FleetMetrics.FAMILIES) {
            if (f.owns(name)) {
                return new AskContext.MetricInfo(name, f.type().name().toLowerCase(java.util.Locale.ROOT), f.help());
            }
        }
        return new AskContext.MetricInfo(name, "", "");
    }
}
