package io.vigia.dashboards.store;

import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.Thresholds;
import io.vigia.dashboards.model.Variable;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardStoreTest {
    @TempDir
    Path dir;

    @Test
    void aDashboardWithEveryKindOfPartSurvivesTheWorkspace() {
        Thresholds th = new Thresholds(Thresholds.Mode.ABSOLUTE,
                List.of(new Thresholds.Step(null, "green"), new Thresholds.Step(0.5, "red")), Thresholds.Display.LINE);
        Dashboard d = new Dashboard("svc", "Service Latency & Deploys", List.of("sre"), "now-24h", "now", "30s",
                List.of(new Variable.QueryVariable("service", "Service", "", "label_values(http_server_request_duration_seconds_count, service)",
                                "", true, true, ".*", List.of(Variable.ALL)),
                        new Variable.IntervalVariable("step", "", List.of("1m", "5m"), true, List.of("5m"))),
                List.of(Panel.of(1, PanelType.TIME_SERIES, "p95 <b>latency</b>", new GridPos(0, 0, 24, 8),
                        List.of(new Query("A", "", io.vigia.dashboards.model.QueryLanguage.PROMQL,
                                "histogram_quantile(0.95, sum by (le) (rate(x_bucket[$__rate_interval])))", "{{service}}",
                                false, false, "1m")), new FieldConfig("s", 0.0, null, 3, th)).withTimeShift("1d")),
                List.of(AnnotationSource.manual(),
                        new AnnotationSource("Deploys", AnnotationSource.Kind.DEPLOYS, "", "changes(vigia_build_info[5m]) > 0",
                                "{{version}}", "", "blue", true)));
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            DashboardStore store = new DashboardStore(ws);
            assertThat(store.save(d)).isEqualTo(1);
            assertThat(store.load("svc")).contains(d);
            assertThat(store.find("service latency & DEPLOYS")).contains(d);
        }
    }

    @Test
    void aPanelsUsualBandSurvivesTheWorkspaceAndBothExports() {
        Panel off = Panel.of(1, PanelType.TIME_SERIES, "Load", new GridPos(0, 0, 12, 8), List.of(Query.promql("A", "node_load1", "")),
                FieldConfig.DEFAULT);
        Panel on = off.withId(2).withOptions(off.options().withGraph(off.options().graph().withSeasonalBand(true)));
        Dashboard d = new Dashboard("band", "Band", List.of(), "now-6h", "now", "", List.of(), List.of(off, on), List.of());
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            new DashboardStore(ws).save(d);
        }
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            Dashboard back = new DashboardStore(ws).load("band").orElseThrow();
            assertThat(back.panels()).extracting(p -> p.options().graph().seasonalBand()).containsExactly(false, true);
            assertThat(back).isEqualTo(d);
        }
        for (io.vigia.dashboards.grafana.GrafanaExporter.Format f : io.vigia.dashboards.grafana.GrafanaExporter.Format.values()) {
            Dashboard back = io.vigia.dashboards.grafana.GrafanaImporter.read(io.vigia.dashboards.grafana.GrafanaExporter.write(d, f))
                    .dashboard();
            assertThat(back.panels()).as("%s", f).extracting(p -> p.options().graph().seasonalBand()).containsExactly(false, true);
        }
    }
}
