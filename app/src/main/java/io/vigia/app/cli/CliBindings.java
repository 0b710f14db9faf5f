package io.vigia.app.cli;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.bindings.store.BindingService;
import io.vigia.datasources.bindings.store.BindingStore;
import io.vigia.datasources.bindings.store.BindingsOnFirstUse;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.persistence.series.SeriesExtent;
import io.vigia.persistence.workspace.TelemetryBindingRepository;
import io.vigia.persistence.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The bindings of the source a command reads (`--source`): what the workspace keeps for it, probed
 * now and kept when it never was. A URL given on the command line has no name to keep them under:
 * it is probed for this run only.
 */
final class CliBindings {
    private static final Logger LOG = LoggerFactory.getLogger(CliBindings.class);

    private CliBindings() {
    }

    static SourceBindings of(Workspace ws, String name, MetricsSource source, Clock clock) {
        MetricTypes types = source instanceof PrometheusClient c ? MetricTypes.of(c) : MetricTypes.none();
        Instant to = name.equals("local")
                ? SeriesExtent.newestSampleTime(ws).stream().mapToObj(Instant::ofEpochMilli).findFirst().orElse(clock.instant())
                : clock.instant();
        ProbeWindow window = new ProbeWindow(to.minus(ProbeWindow.DEFAULT), to);
        BindingProber prober = new BindingProber(ConventionCatalog.standard());
        if (name.startsWith("http://") || name.startsWith("https://")) {
            try {
                return prober.probe(name, source, types, window).bindings();
            } catch (RuntimeException e) {
                // A server that answers queries but not the discovery endpoints (a narrow proxy), or
                // one that is down: read it as Vigia's own contract; a source that is down then fails
                // on its first query, with the message every command gives for it.
                LOG.warn("{}: could not probe it for the built-ins' inputs ({}); reading it as Vigia's contract", name, e.getMessage());
                return ContractBindings.of(name);
            }
        }
        BindingService service = new BindingService(prober, new BindingStore(new TelemetryBindingRepository(ws)));
        // the workspace's own store is probed again when series were added since its probe was kept
        return new BindingsOnFirstUse(service, n -> source, n -> types, n -> window, n -> name,
                n -> name.equals("local") ? SeriesExtent.newestSeriesId(ws) : OptionalLong.empty()).of(name);
    }
}
