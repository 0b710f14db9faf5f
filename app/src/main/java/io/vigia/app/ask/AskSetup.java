package io.vigia.app.ask;

import io.vigia.dashboards.ask.AskContext;
import io.vigia.dashboards.ask.AskContextLoader;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.logs.GuardrailEventLogs;
import io.vigia.datasources.prometheus.MetricMetadata;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.persistence.workspace.Workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code vigia ask} and the app's Ask dialog both read from a workspace to plan and run a
 * question: the stored dashboards, the metrics' HELP texts and the guardrail log lines. Blocking.
 */
public final class AskSetup {
    private AskSetup() {
    }

    /** The workspace's stored dashboards (the built-ins are added by {@link AskContextLoader}). */
    public static List<Dashboard> storedDashboards(Workspace ws) {
        List<Dashboard> stored = new ArrayList<>();
        DashboardStore dashboards = new DashboardStore(ws);
        dashboards.list().forEach(s -> dashboards.load(s.uid()).ifPresent(stored::add));
        return stored;
    }

    /**
     * A metric's type and HELP text: a Prometheus server's {@code /api/v1/metadata} where it has
     * them, else the telemetry contract's (the local store keeps none).
     */
    public static Function<String, AskContext.MetricInfo> help(MetricsSource source) {
        if (source instanceof PrometheusClient client) {
            Map<String, List<MetricMetadata>> meta = client.metadata(null, 0, CancellationToken.NONE);
            return name -> {
                var m = meta.get(name);
                return m == null || m.isEmpty() ? AskContextLoader.contractHelp(name)
                        : new AskContext.MetricInfo(name, m.getFirst().type(), m.getFirst().help());
            };
        }
        return AskContextLoader::contractHelp;
    }

    /** The workspace's guardrail log lines, or null when it has none (log steps then say so). */
    public static GuardrailEventLogs logs(Workspace ws) {
        GuardrailEventLogs logs = new GuardrailEventLogs(ws);
        return logs.hasLines() ? logs : null;
    }
}
