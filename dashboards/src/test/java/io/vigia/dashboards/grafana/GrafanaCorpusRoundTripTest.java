package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.Section;
import io.vigia.dashboards.model.Variable;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every Grafana dashboard of the shared corpus imports, and export-then-import gives it back equal. */
class GrafanaCorpusRoundTripTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir", "../shared"), "corpus", "grafana-dashboards");

    @TestFactory
    @NeedsSharedCorpus("corpus/grafana-dashboards")
    Stream<DynamicTest> everyCorpusDashboardImportsAndRoundTrips() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            GrafanaImport first = GrafanaImporter.read(Files.readString(f), Map.of("DS_PROMETHEUS", "prometheus-prod"));
            Dashboard d = first.dashboard();
            assertThat(d.title()).isNotBlank();
            assertThat(d.allPanels()).isNotEmpty();
            for (GrafanaExporter.Format format : List.of(GrafanaExporter.Format.GRAFANA, GrafanaExporter.Format.VIGIA)) {
                String exported = GrafanaExporter.write(d, format);
                GrafanaImport second = GrafanaImporter.read(exported);
                assertThat(second.dashboard()).as("%s after a %s round trip", f.getFileName(), format).isEqualTo(d);
            }
            // schema v2 keeps everything but the classic-only fields of panels Vigia does not draw, which it lists
            Dashboard v2 = GrafanaImporter.read(GrafanaExporter.write(d, GrafanaExporter.Format.GRAFANA_V2)).dashboard();
            assertThat(Placeholders.comparable(v2)).as("%s after a schema v2 round trip", f.getFileName())
                    .isEqualTo(Placeholders.comparable(d));
            List<String> losses = GrafanaExporter.losses(d, GrafanaExporter.Format.GRAFANA_V2);
            d.allPanels().stream().filter(p -> p.type() == PanelType.UNSUPPORTED && p.originalJson().contains("pluginVersion"))
                    .forEach(p -> assertThat(losses).anySatisfy(l -> assertThat(l).contains(p.title()).contains("pluginVersion")));
        }));
    }

    @Test
    @NeedsSharedCorpus("corpus/grafana-dashboards")
    void legacyRowsBecomeSectionsWithTheirOwnGrid() throws IOException {
        Dashboard d = read("node-exporter-full-rfmoz-2019-schema14-rows.json");
        assertThat(d.sections()).hasSize(19).allSatisfy(s -> assertThat(s.kind()).isEqualTo(Section.Kind.ROW));
        List<Panel> all = d.allPanels();
        assertThat(all.stream().filter(p -> p.type() == PanelType.TIME_SERIES)).hasSize(164);
        assertThat(all.stream().filter(p -> p.type() == PanelType.STAT)).hasSize(12);
        assertThat(all).allSatisfy(p -> assertThat(p.grid().x() + p.grid().w()).isLessThanOrEqualTo(24));
        // panels of one row do not overlap on the row's grid
        for (Section s : d.sections()) {
            List<Panel> row = s.panels();
            for (int i = 0; i < row.size(); i++) {
                for (int j = i + 1; j < row.size(); j++) {
                    assertThat(row.get(i).grid().overlaps(row.get(j).grid()))
                            .as("%s overlaps %s", row.get(i).title(), row.get(j).title()).isFalse();
                }
            }
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/grafana-dashboards")
    void rowsOfTheClassicGridOwnThePanelsBelowThem() throws IOException {
        Dashboard d = read("node-exporter-full-rfmoz-2021-schema26-inputs.json");
        assertThat(d.panels()).isEmpty();
        assertThat(d.sections()).extracting(Section::title).startsWith("Quick CPU / Mem / Disk", "Basic CPU / Mem / Net / Disk",
                "CPU / Memory / Net / Disk");
        Section quick = d.sections().getFirst();
        assertThat(quick.collapsed()).isFalse();
        assertThat(quick.panels()).isNotEmpty().anySatisfy(p -> assertThat(p.grid().y()).isZero());
        assertThat(d.sections().get(2).collapsed()).isTrue();
        assertThat(d.sections().get(2).panels()).hasSize(7);
        assertThat(d.allPanels()).hasSize(128 - 16);
    }

    @Test
    @NeedsSharedCorpus("corpus/grafana-dashboards")
    void datasourceInputsAreBoundToTheChosenSource() throws IOException {
        GrafanaImport imp = GrafanaImporter.read(Files.readString(DIR.resolve("node-exporter-full-rfmoz-2021-schema26-inputs.json")),
                Map.of("DS_PROMETHEUS", "prometheus-prod"));
        List<Query> queries = imp.dashboard().allPanels().stream().flatMap(p -> p.queries().stream()).toList();
        assertThat(queries).isNotEmpty();
        assertThat(queries).allSatisfy(q -> assertThat(q.language()).isEqualTo(QueryLanguage.PROMQL));
        assertThat(queries).extracting(Query::dataSource).containsOnly("prometheus-prod");
        assertThat(queries).anySatisfy(q -> assertThat(q.expr()).contains("node_load1"));
    }

    @Test
    @NeedsSharedCorpus("corpus/grafana-dashboards")
    void lokiTargetsAndLogsPanelsAreLogQl() throws IOException {
        Dashboard d = read("loki-mixin-loki-logs-schema14-prom-and-loki-targets.json");
        Panel logs = d.allPanels().stream().filter(p -> p.type() == PanelType.LOGS).findFirst().orElseThrow();
        assertThat(logs.queries()).allSatisfy(q -> assertThat(q.language()).isEqualTo(QueryLanguage.LOGQL));
        assertThat(d.allPanels().stream().flatMap(p -> p.queries().stream()))
                .anySatisfy(q -> assertThat(q.language()).isEqualTo(QueryLanguage.PROMQL))
                .anySatisfy(q -> assertThat(q.dataSource()).isEqualTo("$loki_datasource"));
        assertThat(d.variables()).anySatisfy(v -> assertThat(v).isInstanceOf(Variable.DataSourceVariable.class));
    }

    @Test
    @NeedsSharedCorpus("corpus/grafana-dashboards")
    void unknownPanelTypesArePlaceholdersThatSurviveExport() throws IOException {
        GrafanaImport imp = GrafanaImporter.read(Files.readString(DIR.resolve("asmild-copilot-exporter-dashboard.json")));
        List<Panel> pies = imp.dashboard().allPanels().stream().filter(p -> p.type() == PanelType.UNSUPPORTED).toList();
        assertThat(pies).hasSize(5).allSatisfy(p -> assertThat(p.originalType()).isEqualTo("piechart"));
        assertThat(imp.warnings()).anySatisfy(w -> assertThat(w).contains("piechart").contains("placeholder"));
        String grafana = GrafanaExporter.write(imp.dashboard(), GrafanaExporter.Format.GRAFANA);
        assertThat(grafana).contains("\"type\" : \"piechart\"");
    }

    @Test
    void inputThatIsNotADashboardIsRejectedClearly() {
        assertThatThrownBy(() -> GrafanaImporter.read("{\"panels\": [")).isInstanceOf(GrafanaFormatException.class)
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> GrafanaImporter.read("[1,2]")).hasMessageContaining("not an object");
        assertThatThrownBy(() -> GrafanaImporter.read("{\"title\":\"x\"}")).hasMessageContaining("neither \"panels\" nor \"rows\"");
    }

    private static Dashboard read(String name) throws IOException {
        return GrafanaImporter.read(Files.readString(DIR.resolve(name))).dashboard();
    }
}
