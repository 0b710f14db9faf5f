package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.logs.LogsSource;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The markers of one annotation source of a dashboard, whatever its kind: the one place that maps
 * a kind to its finder, for the app's dashboards and the reports alike. Manual annotations are
 * read from the workspace by the caller. Blocking: call off the FX thread.
 */
public final class AnnotationLoader {
    private AnnotationLoader() {
    }

    /** Deploy markers that follow the source's bindings, not a metric named in the dashboard. */
    public static boolean isBound(AnnotationSource a) {
        return a.kind() == AnnotationSource.Kind.DEPLOYS && (a.expr().isBlank() || a.expr().strip().equals(DeployEvents.TEMPLATE));
    }

    /** Whether {@link #load} has anything to do for this source. */
    public static boolean isLoadable(AnnotationSource a) {
        return a.enabled() && switch (a.kind()) {
            case MANUAL -> false;
            case DEPLOYS -> true;
            case QUERY, DATA_GAPS -> !a.expr().isBlank();
        };
    }

    /** As below, every source read as Vigia's own contract. */
    public static List<Annotation> load(AnnotationSource a, Function<String, MetricsSource> metrics,
                                        Function<String, LogsSource> logs, TimeRange range, Duration step) throws QueryException {
        return load(a, metrics, logs, BindingsLookup.CONTRACT, range, step);
    }

    /**
     * @param bindings the sources' bindings: the built-ins' deploy markers ({@value DeployEvents#TEMPLATE})
     *                 follow the source's deploy signals and restarts
     * @param step     the query step for sources that scan the range (deploys, PromQL annotations)
     */
    public static List<Annotation> load(AnnotationSource a, Function<String, MetricsSource> metrics,
                                        Function<String, LogsSource> logs, BindingsLookup bindings, TimeRange range,
                                        Duration step) throws QueryException {
        return switch (a.kind()) {
            case QUERY -> a.language() == QueryLanguage.LOGQL
                    ? QueryAnnotations.findLogs(logs.apply(a.dataSource()), a, range)
                    : QueryAnnotations.find(metrics.apply(a.dataSource()), a, range, step);
            case DEPLOYS -> isBound(a)
                    ? DeployEvents.annotations(DeployEvents.find(metrics.apply(a.dataSource()), bindings.of(a.dataSource()), range, step))
                    : DeployMarkers.annotations(DeployMarkers.find(metrics.apply(a.dataSource()), a.expr(), range, step));
            case DATA_GAPS -> DataGaps.annotations(DataGaps.find(metrics.apply(a.dataSource()), a.expr(), range));
            case MANUAL -> List.of();
        };
    }
}
