package io.vigia.dashboards.ask;

import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The demo workspace (simulator seed 42, 30 days) with the planner's knowledge of it, for the Ask tests. */
final class DemoAsk implements AutoCloseable {
    /** A Monday morning: "this week" is a few hours long, "last week" a whole ISO week. */
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    final Workspace workspace;
    final SqliteSeriesStore store;
    final LocalPromqlSource source;
    final AskContext context;

    DemoAsk(Path dir) {
        workspace = Workspace.open(dir.resolve("demo.vigia"));
        store = new SqliteSeriesStore(workspace);
        DemoWorkspace.load(new SettingsRepository(workspace), store, NOW, new DemoWorkspace.Listener() {
            @Override
            public void recentReady(long samples) {
            }

            @Override
            public void progress(long done, long total) {
            }
        }, () -> false);
        source = new LocalPromqlSource("local", store);
        SourceBindings bindings = new BindingProber(ConventionCatalog.standard())
                .probe("local", source, MetricTypes.none(), new ProbeWindow(NOW.minus(Duration.ofDays(1)), NOW)).bindings();
        context = AskContextLoader.load(source, bindings, List.of(), NOW, ZoneOffset.UTC,
                io.vigia.dashboards.demo.DemoWorkspace.INTERVAL, AskContextLoader::contractHelp);
    }

    @Override
    public void close() {
        store.close();
        workspace.close();
    }
}
