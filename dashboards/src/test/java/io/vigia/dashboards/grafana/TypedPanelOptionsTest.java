package io.vigia.dashboards.grafana;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.PanelOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Typed panel options survive Grafana's JSON, Vigia's own (OWASP column, series names, drift) included. */
class TypedPanelOptionsTest {

    @Test
    void everyBuiltInDashboardComesBackFromItsExportWithTheSameOptions() {
        for (Dashboard d : BuiltInDashboards.all()) {
            for (GrafanaExporter.Format format : GrafanaExporter.Format.values()) {
                Dashboard back = GrafanaImporter.read(GrafanaExporter.write(d, format)).dashboard();
                assertThat(back.allPanels()).as("%s as %s", d.uid(), format).extracting(p -> p.options())
                        .containsExactlyElementsOf(d.allPanels().stream().map(p -> p.options()).toList());
            }
        }
        assertThat(BuiltInDashboards.all().stream().flatMap(d -> d.allPanels().stream()).map(p -> p.options()))
                .anySatisfy(o -> assertThat(o.table().owaspColumn()).isTrue())
                .anySatisfy(o -> assertThat(o.drift().mode()).isEqualTo(PanelOptions.Drift.Mode.SCORE))
                .anySatisfy(o -> assertThat(o.bars().seriesNames()).containsEntry("B", "Week before"))
                .anySatisfy(o -> assertThat(o.graph().stacking()).isEqualTo(PanelOptions.Stacking.NORMAL));
    }

    @Test
    void grafanasOwnOptionsAreReadFromTheirPlacesAndUnknownValuesLeaveTheDefault() {
        String json = """
                {"title": "T", "panels": [
                  {"id": 1, "type": "timeseries", "title": "A", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
                   "fieldConfig": {"defaults": {"custom": {"stacking": {"mode": "percent"}, "drawStyle": "points", "fillOpacity": 30}}},
                   "options": {"legend": {"displayMode": "table", "showLegend": true}}},
                  {"id": 2, "type": "timeseries", "title": "B", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
                   "fieldConfig": {"defaults": {"custom": {"drawStyle": "zigzag"}}}}]}
                """;
        Dashboard d = GrafanaImporter.read(json).dashboard();
        assertThat(d.panels().get(0).options().graph()).isEqualTo(new PanelOptions.Graph(PanelOptions.Legend.TABLE,
                PanelOptions.Stacking.PERCENT, PanelOptions.DrawStyle.POINTS, 30));
        assertThat(d.panels().get(1).options().graph().drawStyle()).isNull();
    }
}
