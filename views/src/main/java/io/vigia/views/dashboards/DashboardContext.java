package io.vigia.views.dashboards;

import io.vigia.datasources.api.MetricsSource;
import javafx.beans.value.ObservableBooleanValue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * What open dashboards need from the composition root: the sources by name ("" is the default),
 * their scrape interval, the clock and zone, the theme, and the demo state with its remove action.
 */
public record DashboardContext(Function<String, MetricsSource> sources, Duration minInterval, Clock clock, ZoneId zone,
                               ObservableBooleanValue dark, ObservableBooleanValue demoActive, Runnable removeDemo) {
}
