package io.vigia.views.dashboards;

import io.vigia.dashboards.query.BindingsLookup;
import io.vigia.dashboards.time.RecentRanges;
import io.vigia.persistence.workspace.AnnotationRepository;
import io.vigia.datasources.api.MetricsSource;
import javafx.beans.value.ObservableBooleanValue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * What open dashboards need from the composition root: the sources by name ("" is the default),
 * the same answering only from their result cache (empty where there is none), their scrape interval, the clock and zone, the theme, the demo state with its remove action, where manual annotations are kept (null: none), the LogQL sources, where the time picker keeps recently used ranges (null: only while a dashboard is open), and what each source has for the built-ins' inputs (its bindings; null: Vigia's own contract).
 */
public record DashboardContext(Function<String, MetricsSource> sources, Function<String, Optional<MetricsSource>> cachedSources,
                               Duration minInterval, Clock clock, ZoneId zone,
                               ObservableBooleanValue dark, ObservableBooleanValue demoActive, Runnable removeDemo,
                               AnnotationRepository annotations, LogSources logSources, RecentRanges recentRanges,
                               BindingsLookup bindings) {
    public DashboardContext {
        logSources = logSources == null ? LogSources.NONE : logSources;
        bindings = bindings == null ? BindingsLookup.CONTRACT : bindings;
    }

    /** Every source read as Vigia's own contract, without recently used ranges kept in the workspace. */
    public DashboardContext(Function<String, MetricsSource> sources, Function<String, Optional<MetricsSource>> cachedSources,
                            Duration minInterval, Clock clock, ZoneId zone,
                            ObservableBooleanValue dark, ObservableBooleanValue demoActive, Runnable removeDemo,
                            AnnotationRepository annotations, LogSources logSources) {
        this(sources, cachedSources, minInterval, clock, zone, dark, demoActive, removeDemo, annotations, logSources, null, null);
    }

    /** Without LogQL sources. */
    public DashboardContext(Function<String, MetricsSource> sources, Function<String, Optional<MetricsSource>> cachedSources,
                            Duration minInterval, Clock clock, ZoneId zone,
                            ObservableBooleanValue dark, ObservableBooleanValue demoActive, Runnable removeDemo,
                            AnnotationRepository annotations) {
        this(sources, cachedSources, minInterval, clock, zone, dark, demoActive, removeDemo, annotations, LogSources.NONE);
    }

    /** Without manual annotations. */
    public DashboardContext(Function<String, MetricsSource> sources, Function<String, Optional<MetricsSource>> cachedSources,
                            Duration minInterval, Clock clock, ZoneId zone,
                            ObservableBooleanValue dark, ObservableBooleanValue demoActive, Runnable removeDemo) {
        this(sources, cachedSources, minInterval, clock, zone, dark, demoActive, removeDemo, null);
    }

    /** Without a result cache. */
    public DashboardContext(Function<String, MetricsSource> sources, Duration minInterval, Clock clock, ZoneId zone,
                            ObservableBooleanValue dark, ObservableBooleanValue demoActive, Runnable removeDemo) {
        this(sources, name -> Optional.empty(), minInterval, clock, zone, dark, demoActive, removeDemo);
    }
}
