package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Note;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.Section;
import io.vigia.dashboards.model.Variable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Grafana 13's schema v2, bare and in its {@code dashboard.grafana.app} resource; the inputs and
 * where each comes from are listed in {@code src/test/resources/io/vigia/dashboards/grafana/v2/SOURCES.md}.
 */
class GrafanaV2ImportTest {

    @Test
    void theSchemasOwnExampleImportsWithWhatVigiaCannotDoNoted() throws IOException {
        GrafanaImport imp = GrafanaImporter.read(resource("grafana-schema-13-handy-testing-schema-v2.json"));
        Dashboard d = imp.dashboard();
        assertThat(d.title()).isEqualTo("Default Dashboard");
        assertThat(d.tags()).containsExactly("tag1", "tag2");
        assertThat(d.timeFrom()).isEqualTo("now-1h");
        assertThat(d.refresh()).isEqualTo("5s");
        assertThat(d.sections()).isEmpty();
        Panel test = d.panels().getFirst();
        assertThat(test.type()).isEqualTo(PanelType.TIME_SERIES);
        assertThat(test.grid()).isEqualTo(new GridPos(0, 0, 10, 10));
        assertThat(test.timeShift()).isEqualTo("1h");
        assertThat(test.queries()).singleElement().satisfies(q -> {
            assertThat(q.expr()).isEqualTo("test-query");
            assertThat(q.dataSource()).isEqualTo("datasource1");
            assertThat(q.minInterval()).isEqualTo("1m");
        });
        assertThat(test.notes()).extracting(Note::field).containsExactlyInAnyOrder(
                V2PanelShape.QUERY_OPTIONS, V2PanelShape.TRANSFORMATIONS, V2PanelShape.LINKS, V2LayoutReader.ITEM_REPEAT);
        assertThat(test.notes()).anySatisfy(n -> assertThat(n.text()).contains("repeats this panel for each value of $customVar"));
        Panel library = d.panels().get(1);
        assertThat(library.type()).isEqualTo(PanelType.UNSUPPORTED);
        assertThat(library.grid().w()).isEqualTo(24); // the example's width of 200 is cut to the grid
        assertThat(library.notes()).singleElement().satisfies(n -> assertThat(n.text()).contains("Library Panel"));
        assertThat(d.variables()).extracting(Variable::name)
                .containsExactly("queryVar", "customVar", "datasourceVar", "constantVar", "intervalVar", "textVar");
        assertThat(d.variables().get(1)).isInstanceOfSatisfying(Variable.CustomVariable.class,
                c -> assertThat(c.options()).containsExactly("option1", "option2"));
        assertThat(imp.warnings()).anySatisfy(w -> assertThat(w).contains("$groupByVar"))
                .anySatisfy(w -> assertThat(w).contains("$adhocVar")).anySatisfy(w -> assertThat(w).contains("$switchVar"));
        assertThat(d.annotations()).extracting(AnnotationSource::name).contains("Annotations & Alerts");
        assertThat(d.notes()).extracting(Note::field).contains(V2Reader.LINKS, V2Reader.DESCRIPTION);
    }

    @Test
    void tabsRowsAndAnAutoGridBecomeSectionsAndRulesBecomeNotes() throws IOException {
        GrafanaImport imp = GrafanaImporter.read(resource("host-tabs-v2-resource.json"));
        Dashboard d = imp.dashboard();
        assertThat(d.uid()).isEqualTo("host-tabs");
        assertThat(d.panels()).isEmpty();
        assertThat(d.sections()).extracting(Section::title).containsExactly("Overview", "Details");
        assertThat(d.sections()).allSatisfy(s -> assertThat(s.kind()).isEqualTo(Section.Kind.TAB));

        Section overview = d.sections().getFirst();
        // an auto grid of 3 columns, short rows: 8 columns wide, 5 rows high, side by side
        assertThat(overview.panels()).extracting(Panel::grid)
                .containsExactly(new GridPos(0, 0, 8, 5), new GridPos(8, 0, 8, 5), new GridPos(16, 0, 8, 5));
        assertThat(overview.notes()).singleElement().satisfies(n -> assertThat(n.field()).isEqualTo(V2LayoutReader.AUTO_GRID));

        Section details = d.sections().get(1);
        assertThat(details.panels()).isEmpty();
        assertThat(details.sections()).extracting(Section::title).containsExactly("CPU", "Network and disk", "Shared");
        assertThat(details.sections().get(2).collapsed()).isTrue();
        assertThat(details.notes()).anySatisfy(n -> assertThat(n.text()).contains("$device").contains("dashboard-wide"));
        Section network = details.sections().get(1);
        assertThat(network.notes()).singleElement().satisfies(n -> assertThat(n.text())
                .isEqualTo("Grafana shows this row only when $job is \"node\" and it has data; Vigia always shows it"));
        assertThat(network.panels().getFirst().notes()).extracting(Note::field).contains(V2LayoutReader.ITEM_REPEAT, V2PanelShape.LINKS);

        // the data-source variable and the references to it
        assertThat(d.variables()).extracting(Variable::name).containsExactly("ds_prometheus", "job", "device");
        assertThat(d.variables().getFirst()).isInstanceOfSatisfying(Variable.DataSourceVariable.class, v -> {
            assertThat(v.kind()).isEqualTo("prometheus");
            assertThat(v.current()).as("Grafana's instance does not exist here: the default source applies").isEmpty();
        });
        assertThat(d.variables().get(1)).isInstanceOfSatisfying(Variable.QueryVariable.class,
                q -> assertThat(q.dataSource()).isEqualTo("${ds_prometheus}"));
        assertThat(d.allPanels().stream().flatMap(p -> p.queries().stream())).extracting(Query::dataSource)
                .containsOnly("${ds_prometheus}");
        assertThat(imp.warnings()).anySatisfy(w -> assertThat(w).contains("library-panel"));
    }

    @Test
    void theAlphaShapeNamesTypeAndSourceElsewhere() throws IOException {
        Dashboard d = GrafanaImporter.read(resource("v2alpha1-bare-spec.json")).dashboard();
        Panel up = d.panels().getFirst();
        assertThat(up.type()).isEqualTo(PanelType.TIME_SERIES);
        assertThat(up.fieldConfig().unit()).isEqualTo("s");
        assertThat(up.queries()).singleElement().satisfies(q -> {
            assertThat(q.dataSource()).isEqualTo("prom-a");
            assertThat(q.legendFormat()).isEqualTo("{{job}}");
        });
    }

    @Test
    void v2ToModelToV2GivesTheSameDashboardAndTheNotesTheirJsonBack() throws IOException {
        for (String file : List.of("grafana-schema-13-handy-testing-schema-v2.json", "host-tabs-v2-resource.json", "v2alpha1-bare-spec.json")) {
            Dashboard d = GrafanaImporter.read(resource(file)).dashboard();
            String v2 = GrafanaExporter.write(d, GrafanaExporter.Format.GRAFANA_V2);
            assertThat(GrafanaImporter.read(v2).dashboard()).as(file).isEqualTo(d);
            assertThat(GrafanaExporter.losses(d, GrafanaExporter.Format.GRAFANA_V2)).as(file).isEmpty();
            Dashboard own = GrafanaImporter.read(GrafanaExporter.write(d, GrafanaExporter.Format.VIGIA)).dashboard();
            assertThat(own).as("%s in Vigia's format, where tabs and notes are kept", file).isEqualTo(d);
        }
        JsonNode written = GrafanaJson.parse(GrafanaExporter.write(
                GrafanaImporter.read(resource("host-tabs-v2-resource.json")).dashboard(), GrafanaExporter.Format.GRAFANA_V2));
        assertThat(written.path("apiVersion").asString()).isEqualTo("dashboard.grafana.app/v2");
        assertThat(written.path("metadata").path("name").asString()).isEqualTo("host-tabs");
        JsonNode tabs = written.path("spec").path("layout");
        assertThat(tabs.path("kind").asString()).isEqualTo("TabsLayout");
        assertThat(tabs.path("spec").path("tabs").get(0).path("spec").path("layout").path("kind").asString()).isEqualTo("AutoGridLayout");
        JsonNode details = tabs.path("spec").path("tabs").get(1).path("spec");
        assertThat(details.path("variables").get(0).path("spec").path("name").asString()).isEqualTo("device");
        assertThat(written.path("spec").path("variables").findValuesAsString("name")).doesNotContain("device");
        JsonNode network = details.path("layout").path("spec").path("rows").get(1).path("spec");
        assertThat(network.path("conditionalRendering").path("spec").path("items")).hasSize(2);
        assertThat(network.path("layout").path("spec").path("items").get(0).path("spec").path("repeat").path("value").asString())
                .isEqualTo("device");
        assertThat(written.path("spec").path("elements").path("panel-7").path("kind").asString()).isEqualTo("LibraryPanel");
    }

    @Test
    void v2ToModelToV1FlattensTabsIntoRowsAndSaysWhatIsLost() throws IOException {
        Dashboard d = GrafanaImporter.read(resource("host-tabs-v2-resource.json")).dashboard();
        List<String> losses = GrafanaExporter.losses(d, GrafanaExporter.Format.GRAFANA);
        assertThat(losses).anySatisfy(l -> assertThat(l).contains("tab \"Overview\"").contains("expanded row"))
                .anySatisfy(l -> assertThat(l).contains("row \"CPU\"").contains("nested"))
                .anySatisfy(l -> assertThat(l).contains("shows this row only when $job"));
        Dashboard v1 = GrafanaImporter.read(GrafanaExporter.write(d, GrafanaExporter.Format.GRAFANA)).dashboard();
        assertThat(v1.sections()).extracting(Section::title)
                .containsExactly("Overview", "Details", "CPU", "Network and disk", "Shared");
        assertThat(v1.sections()).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(Section.Kind.ROW);
            assertThat(s.notes()).isEmpty();
        });
        // every panel and query survives, on the same grid inside its section
        assertThat(v1.allPanels()).extracting(Panel::id).containsExactlyElementsOf(d.allPanels().stream().map(Panel::id).toList());
        assertThat(v1.allPanels()).extracting(Panel::grid).containsExactlyElementsOf(d.allPanels().stream().map(Panel::grid).toList());
        assertThat(v1.allPanels().stream().flatMap(p -> p.queries().stream()).toList())
                .isEqualTo(d.allPanels().stream().flatMap(p -> p.queries().stream()).toList());
    }

    @Test
    void aResourceOfAnotherKindOrWithoutSpecIsRefusedClearly() {
        assertThatThrownBy(() -> GrafanaImporter.read("{\"apiVersion\":\"dashboard.grafana.app/v2\",\"kind\":\"LibraryPanel\",\"spec\":{}}"))
                .isInstanceOf(GrafanaFormatException.class).hasMessageContaining("kind \"LibraryPanel\"");
        assertThatThrownBy(() -> GrafanaImporter.read("{\"apiVersion\":\"dashboard.grafana.app/v2\",\"kind\":\"Dashboard\"}"))
                .hasMessageContaining("no \"spec\"");
        Dashboard v1Resource = GrafanaImporter.read("{\"apiVersion\":\"dashboard.grafana.app/v1beta1\",\"kind\":\"Dashboard\","
                + "\"metadata\":{\"name\":\"abc\"},\"spec\":{\"title\":\"Classic\",\"panels\":[]}}").dashboard();
        assertThat(v1Resource.uid()).isEqualTo("abc");
        assertThat(v1Resource.title()).isEqualTo("Classic");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GrafanaV2ImportTest.class.getResourceAsStream("v2/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
