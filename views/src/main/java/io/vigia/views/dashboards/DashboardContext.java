package io.vigia.views.dashboards;

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
 * the same answering only from their result cache (empty where there is none), their scrape interval, the clock and zone, the theme, the demo state with its remove action, where manual annotations are kept (null: none), the LogQL sources, and where the time picker keeps recently used ranges (null: only while a dashboard is open).
 */
public record DashboardContext(Function<String, MetricsSource> sources, Function<String, Optional<MetricsSource>> cachedSources,
                               Duration minInterval, Clock clock, ZoneId zone,
                               ObservableBooleanValue dark, ObservableBooleanValue demoActive, Runnable removeDemo,
                               AnnotationRepository annotations, LogSources logSources, RecentRanges recentRanges) {
    public DashboardContext {
        logSources = logSources == null ? LogSources.NONE : logSources;
    }

    /** Without recently used ranges kept in the workspace. */
    public DashboardContext(Function<String, MetricsSource> sources, Function<String, Optional<MetricsSource>> cachedSources,
                            Duration minInterval, Clock clock, ZoneId zone,
                            ObservableBooleanValue dark, ObservableBooleanValue demoActive, Runnable removeDemo,
                            AnnotationRepository annotations, LogSources logSources) {
        this(sources, cachedSources, minInterval, clock, zone, dark, demoActive, removeDemo, annotations, logSources, null);
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
