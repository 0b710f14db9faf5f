package io.vigia.datasources.bindings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The label part of a binding's one-line description. */
final class Describe {
    private Describe() {
    }

    static String labels(ServiceLabel service, String route, StatusLabel status) {
        List<String> parts = new ArrayList<>();
        parts.add("service=" + switch (service) {
            case null -> "(none)";
            case ServiceLabel.OnSeries s -> s.label();
            case ServiceLabel.FromInfo i -> i.label() + " via " + i.infoMetric() + " on (" + String.join(", ", i.joinOn()) + ")";
        });
        if (route != null) {
            parts.add("route=" + route);
        }
        if (status != null) {
            parts.add("status=" + status.label() + " errors=~" + status.errors());
        }
        return ", " + String.join(", ", parts);
    }

    static String fixed(Map<String, String> fixed) {
        if (fixed.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        fixed.forEach((k, v) -> parts.add(k + "=\"" + v + "\""));
        return ", only {" + String.join(", ", parts) + "}";
    }
}
