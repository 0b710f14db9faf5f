package io.vigia.app.cli;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeResult;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.bindings.store.BindingJson;
import io.vigia.datasources.bindings.store.BindingService;
import io.vigia.datasources.bindings.store.BindingStore;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.remote.ConnectionSettings;
import io.vigia.datasources.remote.ConnectionSettingsJson;
import io.vigia.datasources.remote.KeyringSecretStore;
import io.vigia.datasources.remote.SecretResolver;
import io.vigia.datasources.remote.SecretStore;
import io.vigia.datasources.remote.SourceType;
import io.vigia.persistence.series.SeriesExtent;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.DataSourceRepository;
import io.vigia.persistence.workspace.TelemetryBindingRepository;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code vigia sources inspect NAME}: probes a source for the series the built-in dashboards need
 * and prints, per input, the binding chosen, every candidate with its score, and what is missing.
 * The result is kept in the workspace; an override set by the user stays in force.
 */
@Command(name = "inspect", description = "Probe a data source for what the built-in dashboards need and show the bindings found.")
final class SourcesInspect extends WorkspaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "local (the workspace store) or a data source added with `vigia sources add`.")
    String name;

    @Option(names = "--json", description = "Print the bindings, candidates and scores as JSON.")
    boolean json;

    @Option(names = "--window", defaultValue = "24h", paramLabel = "DURATION",
            description = "How far back a series counts as present (default ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--at", paramLabel = "TIME", description = "End of the window (RFC 3339, Unix seconds, now-1h). "
            + "Default: now, or for local the newest sample in the store.")
    String at;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Duration length = CliTime.step(window);
        try (Workspace ws = openWorkspace()) {
            ProbeResult r = probe(ws, name, length, at == null ? null : CliTime.parse(at, Instant.now()));
            if (json) {
                out.println(BindingJson.writePretty(BindingReport.Json.of(r)));
            } else {
                BindingReport.print(r, out);
            }
            out.flush();
            return 0;
        }
    }

    /** Probes a source of the workspace and keeps the result; "local" is the workspace's own store. */
    static ProbeResult probe(Workspace ws, String name, Duration length, Instant end) {
        BindingService service = new BindingService(new BindingProber(ConventionCatalog.standard()),
                new BindingStore(new TelemetryBindingRepository(ws)));
        if (name.equals("local")) {
            Instant to = end != null ? end : SeriesExtent.newestSampleTime(ws).stream()
                    .mapToObj(Instant::ofEpochMilli).findFirst().orElse(Instant.now());
            try (SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
                MetricsSource local = new LocalPromqlSource("local", store);
                return service.probe("local", local, MetricTypes.none(), new ProbeWindow(to.minus(length), to));
            }
        }
        var stored = new DataSourceRepository(ws).find(name)
                .orElseThrow(() -> new IllegalArgumentException("no data source \"" + name + "\" (see: vigia sources list)"));
        ConnectionSettings settings = ConnectionSettingsJson.read(stored.settings()).withName(name);
        return probe(service, settings, KeyringSecretStore.openOrMemory(), length, end);
    }

    static ProbeResult probe(BindingService service, ConnectionSettings settings, SecretStore secrets, Duration length, Instant end) {
        if (settings.type() != SourceType.PROMETHEUS) {
            throw new IllegalArgumentException("data source \"" + settings.name() + "\" is a Loki source; bindings are found "
                    + "in Prometheus-compatible sources");
        }
        Instant to = end != null ? end : Instant.now();
        try (PrometheusClient client = new PrometheusClient(settings, SecretResolver.withSystemEnvironment(secrets))) {
            return service.probe(settings.name(), client, MetricTypes.of(client), new ProbeWindow(to.minus(length), to));
        }
    }
}
