package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelDataLoader;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every panel of a dashboard loaded over one range through the app's own panel loader, by title. */
final class PanelsOverRange {
    /** The app's panel width in pixels for a half-width panel, near enough. */
    static final int WIDTH_PX = 600;

    private PanelsOverRange() {
    }

    static Map<String, PanelData> load(Dashboard d, MetricsSource source, TimeRange range) {
        PanelDataLoader loader = new PanelDataLoader(name -> source, Duration.ofMinutes(5));
        Map<String, PanelData> out = new LinkedHashMap<>();
        for (Panel p : d.allPanels()) {
            if (p.type() != PanelType.ROW) {
                out.put(p.title(), loader.load(d, p, range, WIDTH_PX, Map.of(), Map.of()));
            }
        }
        return out;
    }

    /** The series names of a panel that have a value. */
    static List<String> namesWithValues(PanelData data) {
        return data.series().stream().filter(s -> java.util.Arrays.stream(s.values()).anyMatch(v -> !Double.isNaN(v)))
                .map(s -> s.name()).toList();
    }

    /** One line per panel: title, then its source or why it is empty (for a failing assertion's message). */
    static String describe(Map<String, PanelData> panels) {
        StringBuilder b = new StringBuilder();
        panels.forEach((title, data) -> b.append("\n  ").append(title).append(" -> ")
                .append(data.hasValues() ? data.provenance().sourceLine() + " " + namesWithValues(data)
                        : "EMPTY " + data.provenance().missing() + " " + data.errors()));
        return b.toString();
    }
}
