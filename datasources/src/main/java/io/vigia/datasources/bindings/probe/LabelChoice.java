package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.bindings.ScorePart;
import io.vigia.datasources.bindings.ServiceLabel;
import io.vigia.datasources.bindings.StatusLabel;
import io.vigia.datasources.bindings.catalog.HttpConvention;

import java.util.List;
import java.util.Set;

/**
 * Picks, from a convention's candidate labels in order of preference, the first the series really
 * carry, and scores it: the preferred label earns most, a later one less, none nothing.
 */
final class LabelChoice {
    static final int SERVICE_POINTS = 20;
    static final int ROUTE_POINTS = 10;
    static final int STATUS_POINTS = 10;

    private LabelChoice() {
    }

    record Picked<T>(T value, ScorePart part) {
    }

    static Picked<ServiceLabel> service(List<HttpConvention.ServiceSpec> specs, Set<String> labels, SourceInventory inv) {
        for (int i = 0; i < specs.size(); i++) {
            HttpConvention.ServiceSpec s = specs.get(i);
            int points = Math.max(5, SERVICE_POINTS - 5 * i);
            if (s.info() == null && labels.contains(s.label())) {
                return new Picked<>(new ServiceLabel.OnSeries(s.label()), new ScorePart("service label " + s.label(), points));
            }
            if (s.info() != null && inv.has(s.info()) && labels.containsAll(s.joinOn())
                    && inv.labels(s.info()).contains(s.label()) && inv.labels(s.info()).containsAll(s.joinOn())) {
                return new Picked<>(new ServiceLabel.FromInfo(s.label(), s.info(), s.joinOn()),
                        new ScorePart("service label " + s.label() + " joined from " + s.info(), points));
            }
        }
        return new Picked<>(null, new ScorePart("no service label", 0));
    }

    static Picked<String> route(List<String> candidates, Set<String> labels) {
        for (String r : candidates) {
            if (labels.contains(r)) {
                return new Picked<>(r, new ScorePart("route label " + r, ROUTE_POINTS));
            }
        }
        return new Picked<>(null, new ScorePart("no route label", 0));
    }

    static Picked<StatusLabel> status(List<HttpConvention.StatusSpec> candidates, Set<String> labels) {
        for (HttpConvention.StatusSpec s : candidates) {
            if (labels.contains(s.label())) {
                return new Picked<>(new StatusLabel(s.label(), s.errors()), new ScorePart("status label " + s.label(), STATUS_POINTS));
            }
        }
        return new Picked<>(null, new ScorePart("no status label", 0));
    }

    /** The first of the labels the series carry, or null. */
    static String first(List<String> candidates, Set<String> labels) {
        for (String c : candidates) {
            if (labels.contains(c)) {
                return c;
            }
        }
        return null;
    }
}
