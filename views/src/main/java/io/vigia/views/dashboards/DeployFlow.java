package io.vigia.views.dashboards;

import io.vigia.dashboards.query.BindingsLookup;

import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.views.dashboards.deploys.DeployImpactViewModel;
import io.vigia.views.dashboards.deploys.DeployLogSource;
import io.vigia.views.tasks.TaskScope;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The deploy comparison offered by a dashboard that marks deploys, over the deploys in its range. */
public final class DeployFlow {
    private final Function<String, MetricsSource> sources;
    private final Supplier<LogSources> logSources;
    private final Duration minInterval;
    private final TaskScope tasks;

    private final BindingsLookup bindings;

    DeployFlow(Function<String, MetricsSource> sources, Supplier<LogSources> logSources, BindingsLookup bindings, Duration minInterval,
               TaskScope tasks) {
        this.sources = sources;
        this.bindings = bindings;
        this.logSources = logSources;
        this.minInterval = minInterval;
        this.tasks = tasks;
    }

    /** True when the dashboard marks deploys, so the deploy comparison can be offered. */
    public static boolean offeredBy(Dashboard d) {
        return d.annotations().stream().anyMatch(a -> a.enabled() && a.kind() == AnnotationSource.Kind.DEPLOYS);
    }

    /** The comparison over the dashboard's deploy source, loading the deploys in {@code range}. */
    public DeployImpactViewModel open(Dashboard d, TimeRange range) {
        String ds = d.annotations().stream().filter(a -> a.kind() == AnnotationSource.Kind.DEPLOYS)
                .map(AnnotationSource::dataSource).findFirst().orElse("");
        LogSources ls = logSources.get();
        DeployImpactViewModel vm = new DeployImpactViewModel(() -> sources.apply(ds), () -> bindings.of(ds), minInterval, tasks,
                new DeployLogSource() {
            @Override
            public Optional<String> name() {
                return ls.deployLogsSource();
            }

            @Override
            public LogsSource source(String name) {
                return ls.logs(name);
            }
        });
        vm.load(range, null);
        return vm;
    }
}
