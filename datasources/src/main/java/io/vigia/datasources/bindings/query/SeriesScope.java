package io.vigia.datasources.bindings.query;

import io.vigia.datasources.bindings.ServiceLabel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The selection and grouping of a service-level query: matchers on the series, the labels to group
 * by, and, when the service name lives on an info metric, the join that brings it in.
 */
final class SeriesScope {
    private final PromqlText.Matchers matchers;
    private final ServiceLabel service;
    private final PromqlText.Matchers infoMatchers;
    private final List<String> group;
    private final Map<Dimension, String> resultLabels;

    private SeriesScope(PromqlText.Matchers matchers, ServiceLabel service, PromqlText.Matchers infoMatchers, List<String> group,
                        Map<Dimension, String> resultLabels) {
        this.matchers = matchers;
        this.service = service;
        this.infoMatchers = infoMatchers;
        this.group = group;
        this.resultLabels = resultLabels;
    }

    /** The scope, or the reason the binding cannot give it (no service label to group or filter by…). */
    static Object resolve(ServiceLabel service, String route, Map<String, String> fixed, Filter filter, Set<Dimension> by,
                          String what) {
        for (Dimension d : by) {
            if (d != Dimension.SERVICE && d != Dimension.ROUTE) {
                throw new IllegalArgumentException(what + " cannot be grouped by " + d);
            }
        }
        PromqlText.Matchers m = PromqlText.matchers().all(fixed);
        List<String> group = new ArrayList<>();
        Map<Dimension, String> result = new EnumMap<>(Dimension.class);
        if (service == null && (by.contains(Dimension.SERVICE) || filter.selects(Dimension.SERVICE))) {
            return new QueryPlan.Unavailable(what + " has no label naming the service");
        }
        if (service instanceof ServiceLabel.OnSeries s) {
            filter.apply(Dimension.SERVICE, s.label(), m);
        }
        if (by.contains(Dimension.SERVICE)) {
            group.add(service.label());
            result.put(Dimension.SERVICE, service.label());
        }
        if (route == null && (by.contains(Dimension.ROUTE) || filter.selects(Dimension.ROUTE))) {
            return new QueryPlan.Unavailable(what + " has no route label");
        }
        if (route != null) {
            filter.apply(Dimension.ROUTE, route, m);
        }
        if (by.contains(Dimension.ROUTE)) {
            group.add(route);
            result.put(Dimension.ROUTE, route);
        }
        PromqlText.Matchers infoMatchers = PromqlText.matchers();
        if (service instanceof ServiceLabel.FromInfo info) {
            filter.apply(Dimension.SERVICE, info.label(), infoMatchers);
        }
        return new SeriesScope(m, service, infoMatchers, List.copyOf(group), result);
    }

    Map<Dimension, String> resultLabels() {
        return resultLabels;
    }

    /** The grouping labels, after {@code first} ({@code le} for buckets). */
    List<String> groupWith(String... first) {
        List<String> out = new ArrayList<>(List.of(first));
        out.addAll(group);
        return out;
    }

    /** {@code fn(metric{…}[window])}, joined to the info metric when the service name lives there. */
    String range(String fn, String metric, String window, PromqlText.Matchers extra) {
        return joined(fn + "(" + merged(extra).on(metric) + "[" + window + "])");
    }

    /** {@code metric{…}} (an instant selector), joined likewise. */
    String instant(String metric, PromqlText.Matchers extra) {
        return joined(merged(extra).on(metric));
    }

    private PromqlText.Matchers merged(PromqlText.Matchers extra) {
        PromqlText.Matchers all = matchers.copy();
        if (extra != null) {
            all.addAll(extra);
        }
        return all;
    }

    private String joined(String vector) {
        if (!(service instanceof ServiceLabel.FromInfo info)) {
            return vector;
        }
        // max by (join labels, service label): an info series that changed labels (a new
        // service_version after a deploy) inside the lookback would otherwise match twice.
        List<String> infoGroup = new ArrayList<>(info.joinOn());
        infoGroup.add(info.label());
        String infoSelector = infoMatchers.on(info.infoMetric());
        return vector + " * on (" + String.join(", ", info.joinOn()) + ") group_left (" + info.label() + ") max "
                + PromqlText.by(infoGroup) + "(" + infoSelector + ")";
    }
}
