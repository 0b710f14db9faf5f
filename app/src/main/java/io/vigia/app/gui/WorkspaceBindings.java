package io.vigia.app.gui;

import io.vigia.datasources.bindings.Binding;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.bindings.store.BindingService;
import io.vigia.datasources.bindings.store.BindingStore;
import io.vigia.datasources.bindings.store.BindingsOnFirstUse;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.persistence.series.SeriesExtent;
import io.vigia.persistence.workspace.TelemetryBindingRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.sources.BindingsViewModel;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The workspace's bindings for the app: kept per source, a source never probed probed on first use
 * over the last 24 h (the local store up to its newest sample, so a demo that ended in the past is
 * probed where its data is); and what "What Vigia found" reads and changes.
 */
final class WorkspaceBindings {
    private WorkspaceBindings() {
    }

    static BindingsOnFirstUse onFirstUse(Workspace workspace, DataSourceCatalog catalog, Clock clock) {
        BindingService service = new BindingService(new BindingProber(ConventionCatalog.standard()),
                new BindingStore(new TelemetryBindingRepository(workspace)));
        return new BindingsOnFirstUse(service, catalog::metricsSource, catalog::metricTypes, windows(workspace, clock),
                name -> name.isEmpty() ? catalog.defaultName() : name,
                name -> name.equals(DataSourceCatalog.LOCAL) ? SeriesExtent.newestSeriesId(workspace) : OptionalLong.empty());
    }

    /** "What Vigia found": reads through {@code bindings}, and forgets what it holds after each change. */
    static BindingsViewModel.Access access(Workspace workspace, DataSourceCatalog catalog, BindingsOnFirstUse bindings, Clock clock) {
        Function<String, ProbeWindow> windows = windows(workspace, clock);
        return new BindingsViewModel.Access() {
            @Override
            public SourceBindings current(String source) {
                return bindings.of(source);
            }

            @Override
            public SourceBindings probe(String source) {
                bindings.service().probe(source, catalog.metricsSource(source), catalog.metricTypes(source), windows.apply(source));
                bindings.invalidate(source);
                return bindings.of(source);
            }

            @Override
            public void override(String source, Binding binding) {
                bindings.service().store().override(source, binding);
                bindings.invalidate(source);
            }

            @Override
            public void clearOverride(String source, SemanticInput input) {
                bindings.service().store().clearOverride(source, input);
                bindings.invalidate(source);
            }
        };
    }

    private static Function<String, ProbeWindow> windows(Workspace workspace, Clock clock) {
        return name -> {
            Instant to = name.equals(DataSourceCatalog.LOCAL)
                    ? SeriesExtent.newestSampleTime(workspace).stream().mapToObj(Instant::ofEpochMilli).findFirst().orElse(clock.instant())
                    : clock.instant();
            return new ProbeWindow(to.minus(ProbeWindow.DEFAULT), to);
        };
    }
}
