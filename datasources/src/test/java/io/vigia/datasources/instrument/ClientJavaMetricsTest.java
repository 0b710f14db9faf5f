package io.vigia.datasources.instrument;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vigia.datasources.imports.FileImporter;
import io.vigia.datasources.imports.ImportFailedException;
import io.vigia.datasources.imports.ImportKind;
import io.vigia.datasources.imports.ImportProgress;
import io.vigia.datasources.scrape.ScrapeTarget;
import io.vigia.datasources.scrape.Scraper;
import io.vigia.datasources.testing.MemorySeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scrape and import paths report to {@link VigiaMetrics}; client_java exposes what they report. */
class ClientJavaMetricsTest {
    @TempDir
    Path dir;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ClientJavaMetrics metrics = new ClientJavaMetrics(registry, "1.2.3");

    private String exposition() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scrapesAreCountedByJobAndResult() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain; version=0.0.4").body("a 1\nb 2\n").build());
            server.enqueue(new MockResponse.Builder().code(503).body("maintenance").build());
            Scraper scraper = new Scraper(new ScrapeTarget("payments", server.url("/metrics").uri(), Duration.ofSeconds(15),
                    Duration.ofSeconds(5)), new OkHttpClient(), new MemorySeriesWriter(), Clock.systemUTC(), metrics);
            scraper.scrape();
            scraper.scrape();
        }
        assertThat(exposition()).contains("vigia_scrapes_total{job=\"payments\",result=\"up\"} 1.0")
                .contains("vigia_scrapes_total{job=\"payments\",result=\"down\"} 1.0")
                .contains("vigia_scrape_samples_total{job=\"payments\"} 2.0")
                .contains("vigia_build_info{version=\"1.2.3\"} 1");
    }

    @Test
    void importsAreCountedByKindAndResult() throws Exception {
        Path good = dir.resolve("good.om");
        Files.writeString(good, "# TYPE x gauge\nx{a=\"1\"} 1 1700000000\nx{a=\"1\"} 2 1700000015\n# EOF\n");
        Path bad = dir.resolve("bad.om");
        Files.writeString(bad, "x{a=\"1\" 1 1700000000\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FileImporter importer = new FileImporter(ws, store, metrics);
            importer.importFile(good, ImportKind.OPENMETRICS, null, ImportProgress.NONE);
            assertThatThrownBy(() -> importer.importFile(bad, ImportKind.OPENMETRICS, null, ImportProgress.NONE))
                    .isInstanceOf(ImportFailedException.class);
        }
        assertThat(exposition()).contains("vigia_imports_total{kind=\"openmetrics\",result=\"success\"} 1.0")
                .contains("vigia_imports_total{kind=\"openmetrics\",result=\"failure\"} 1.0")
                .contains("vigia_imported_records_total{kind=\"openmetrics\"} 2.0");
    }
}
