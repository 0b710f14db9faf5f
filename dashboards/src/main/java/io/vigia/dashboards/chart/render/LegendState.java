package io.vigia.dashboards.chart.render;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which series the user has hidden through the legend. Immutable; the view keeps the current
 * one. {@link #toggle} flips one series (Grafana's ctrl-click), {@link #isolate} shows only one
 * (Grafana's click) and restores all when that series is already the only one shown.
 */
public record LegendState(Set<String> hidden) {

    public static final LegendState ALL_VISIBLE = new LegendState(Set.of());

    public LegendState {
        hidden = Set.copyOf(hidden);
    }

    public boolean isHidden(String series) {
        return hidden.contains(series);
    }

    public LegendState toggle(String series) {
        Set<String> next = new LinkedHashSet<>(hidden);
        if (!next.remove(series)) {
            next.add(series);
        }
        return new LegendState(next);
    }

    public LegendState isolate(String series, Collection<String> allSeries) {
        Set<String> others = new LinkedHashSet<>(allSeries);
        others.remove(series);
        if (!hidden.contains(series) && hidden.containsAll(others)) {
            return ALL_VISIBLE;
        }
        return new LegendState(others);
    }
}
