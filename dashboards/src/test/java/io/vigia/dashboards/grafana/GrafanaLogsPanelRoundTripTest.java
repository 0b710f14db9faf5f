package io.vigia.dashboards.grafana;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.QueryLanguage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A Grafana logs panel on Loki and a Loki annotation: imported as a logs panel and LogQL, exported back as Grafana has them. */
class GrafanaLogsPanelRoundTripTest {
    private static final String GRAFANA = """
            {
              "title": "Payments logs", "uid": "pay-logs", "schemaVersion": 39,
              "time": {"from": "now-1h", "to": "now"},
              "annotations": {"list": [
                {"name": "Errors", "enable": true, "iconColor": "red",
                 "datasource": {"type": "loki", "uid": "${DS_LOKI}"},
                 "expr": "{service=\\"payments\\"} |= \\"panic\\"", "titleFormat": "{{pod}}"}
              ]},
              "__inputs": [{"name": "DS_LOKI", "type": "datasource", "pluginId": "loki"}],
              "panels": [
                {"id": 3, "type": "logs", "title": "Payments errors", "gridPos": {"h": 10, "w": 24, "x": 0, "y": 0},
                 "datasource": {"type": "loki", "uid": "${DS_LOKI}"},
                 "options": {"showTime": true, "sortOrder": "Descending", "wrapLogMessage": false},
                 "targets": [{"refId": "A", "expr": "{service=\\"payments\\"} |~ \\"(?i)error\\""}]}
              ]
            }
            """;

    @Test
    void aLogsPanelAndALokiAnnotationRoundTrip() {
        Dashboard d = GrafanaImporter.read(GRAFANA, Map.of("DS_LOKI", "loki-prod")).dashboard();
        Panel logs = d.panels().getFirst();
        assertThat(logs.type()).isEqualTo(PanelType.LOGS);
        assertThat(logs.queries()).singleElement().satisfies(q -> {
            assertThat(q.language()).isEqualTo(QueryLanguage.LOGQL);
            assertThat(q.dataSource()).isEqualTo("loki-prod");
            assertThat(q.expr()).isEqualTo("{service=\"payments\"} |~ \"(?i)error\"");
        });
        AnnotationSource a = d.annotations().stream().filter(x -> x.kind() == AnnotationSource.Kind.QUERY).findFirst().orElseThrow();
        assertThat(a.language()).isEqualTo(QueryLanguage.LOGQL);
        assertThat(a.dataSource()).isEqualTo("loki-prod");

        assertThat(GrafanaImporter.read(GrafanaExporter.write(d, GrafanaExporter.Format.GRAFANA_V2)).dashboard())
                .as("after a schema v2 round trip").isEqualTo(d);
        for (GrafanaExporter.Format format : List.of(GrafanaExporter.Format.GRAFANA, GrafanaExporter.Format.VIGIA)) {
            String exported = GrafanaExporter.write(d, format);
            JsonNode root = GrafanaJson.JSON.readTree(exported);
            JsonNode panel = root.path("panels").get(0);
            assertThat(panel.path("type").asString()).isEqualTo("logs");
            assertThat(panel.path("targets").get(0).path("datasource").path("type").asString()).isEqualTo("loki");
            JsonNode ann = null;
            for (JsonNode n : root.path("annotations").path("list")) {
                if (n.path("name").asString().equals("Errors")) {
                    ann = n;
                }
            }
            assertThat(ann).isNotNull();
            assertThat(ann.path("datasource").path("type").asString()).isEqualTo("loki");
            assertThat(GrafanaImporter.read(exported).dashboard()).as("after a %s round trip", format).isEqualTo(d);
        }
    }

    @Test
    void theGuardrailsDashboardsBlockedPromptsPanelRoundTrips() {
        Dashboard g = BuiltInDashboards.guardrails();
        Panel blocked = g.allPanels().stream().filter(p -> p.title().equals("Blocked prompts")).findFirst().orElseThrow();
        assertThat(blocked.type()).isEqualTo(PanelType.LOGS);
        assertThat(blocked.queries().getFirst().language()).isEqualTo(QueryLanguage.LOGQL);
        for (GrafanaExporter.Format format : GrafanaExporter.Format.values()) {
            Panel again = GrafanaImporter.read(GrafanaExporter.write(g, format)).dashboard().allPanels().stream()
                    .filter(p -> p.title().equals("Blocked prompts")).findFirst().orElseThrow();
            assertThat(again).as("after a %s round trip", format).isEqualTo(blocked);
        }
    }
}
