package io.vigia.views.dashboards;

import io.vigia.dashboards.grafana.GrafanaImporter;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Variable;
import io.vigia.dashboards.query.PanelData;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.scrape.ScrapeResult;
import io.vigia.datasources.scrape.ScrapeTarget;
import io.vigia.datasources.scrape.Scraper;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.DataSourceRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsProgram;
import io.vigia.testsupport.NeedsSharedCorpus;
import io.vigia.testsupport.Programs;
import io.vigia.testsupport.SharedCorpus;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Node Exporter Full (rfmoz, the shared corpus' 2021 export: every panel on {@code ${DS_PROMETHEUS}},
 * a data-source variable of that name) on a workspace holding what the real node_exporter
 * (Debian's prometheus-node-exporter) exposes, scraped by Vigia's own scraper 41 times at 15 s steps.
 */
class NodeExporterFullDashboardTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    @NeedsProgram("prometheus-node-exporter")
    @NeedsSharedCorpus("corpus/grafana-dashboards")
    void theDatasourceVariableOffersTheLocalStoreAndEveryShownPanelHasData() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process exporter = new ProcessBuilder(Programs.require("prometheus-node-exporter").toString(),
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node_exporter.log").toFile()).start();
        try (Workspace ws = Workspace.open(dir.resolve("n.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            awaitListening(port);
            scrape(store, URI.create("http://127.0.0.1:" + port + "/metrics"));
            DataSourceCatalog catalog = new DataSourceCatalog(new DataSourceRepository(ws), new InMemorySecretStore(),
                    new LocalPromqlSource("local", store), null, Clock.fixed(NOW, ZoneOffset.UTC));
            String json = Files.readString(SharedCorpus.path("corpus", "grafana-dashboards", "node-exporter-full-rfmoz-2021-schema26-inputs.json"));
            Dashboard d = GrafanaImporter.read(json).dashboard();
            DashboardViewModel vm = new DashboardViewModel(d, catalog::metricsSource, Duration.ofSeconds(15),
                    new SameThreadTaskExecutor().scope(), Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"));
            vm.setLogSources(new CatalogLogSources(catalog));
            vm.loadVariableOptions();

            VariableState datasource = state(vm, "DS_PROMETHEUS");
            assertThat(datasource.variable()).isInstanceOf(Variable.DataSourceVariable.class);
            assertThat(datasource.options()).containsExactly("local");
            assertThat(datasource.selected()).containsExactly("local");
            assertThat(state(vm, "job").options()).containsExactly("node");
            assertThat(state(vm, "node").options()).containsExactly("127.0.0.1:" + port);

            vm.refresh();
            List<Panel> shown = vm.shownPanels();
            assertThat(shown).hasSize(15); // the two rows Node Exporter Full opens with
            List<String> empty = new ArrayList<>();
            for (Panel p : shown) {
                PanelData data = vm.dataProperty(p).get();
                assertThat(data.errors()).as(p.title()).noneSatisfy(e -> assertThat(e).contains("no data source named"));
                if (data.series().isEmpty()) {
                    empty.add(p.title());
                }
            }
            assertThat(empty).as("panels without data").isEmpty();

            // every other row opened: still no panel without a source
            vm.sections().forEach(s -> s.openProperty().set(true));
            for (Panel p : vm.shownPanels()) {
                assertThat(vm.dataProperty(p).get().errors()).as(p.title()).noneSatisfy(e -> assertThat(e).contains("no data source"));
            }
        } finally {
            exporter.destroy();
            exporter.waitFor();
        }
    }

    private static VariableState state(DashboardViewModel vm, String name) {
        return vm.variables().stream().filter(v -> v.variable().name().equals(name)).findFirst().orElseThrow();
    }

    /** 41 scrapes of the real exporter, stamped 15 s apart up to {@link #NOW}, as {@code vigia scrape --job node} stores them. */
    private static void scrape(SqliteSeriesStore store, URI url) {
        Instant[] at = {NOW.minus(Duration.ofMinutes(10))};
        Clock stepping = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return at[0];
            }
        };
        OkHttpClient http = new OkHttpClient();
        try (SeriesWriter writer = store.writer()) {
            Scraper scraper = new Scraper(new ScrapeTarget("node", url, Duration.ofSeconds(15), Duration.ofSeconds(10)), http, writer, stepping);
            for (int i = 0; i <= 40; i++) {
                ScrapeResult r = scraper.scrape();
                assertThat(r.up()).as("scrape %d: %s", i, r.error()).isTrue();
                at[0] = at[0].plusSeconds(15);
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        store.refresh();
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("prometheus-node-exporter did not listen on " + port);
    }
}
