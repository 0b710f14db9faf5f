package io.vigia.e2e;

import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three processes on one workspace file: {@code vigia scrape --serve} scraping a real Prometheus
 * and serving the workspace, {@code vigia import openmetrics} writing history into it, and promtool
 * querying it the whole time. No query fails with a lock error, the imported series show up
 * without a restart, and the scrape counters appear on Vigia's own /metrics.
 */
@NeedsProgram({"prometheus", "promtool"})
class ServeWhileWritingE2ETest {
    @TempDir
    Path dir;

    @Test
    void servesWhileAnotherProcessImportsAndItselfScrapes() throws Exception {
        Path ws = dir.resolve("ws.vigia");
        Path history = dir.resolve("history.om");
        EmbeddedEngineVsPrometheusE2ETest.writeBackfill(history);
        try (PrometheusServer prometheus = PrometheusServer.start();
             ServeProcess vigia = ServeProcess.run(List.of("--workspace", ws.toString(), "scrape", prometheus.url() + "/metrics",
                     "--job", "prom", "--interval", "500ms", "--serve", "127.0.0.1:0"), Map.of())) {
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean importing = new AtomicBoolean(true);
            CompletableFuture<Integer> queries = CompletableFuture.supplyAsync(() -> {
                int n = 0;
                while (importing.get() || n < 5) {
                    try {
                        Promtool.Run r = Promtool.query("instant", vigia.url().toString(), "count(up{job=\"prom\"})");
                        if (r.exit() != 0) {
                            failures.add(r.err());
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add(e.toString());
                    }
                    n++;
                }
                return n;
            });
            CliE2ETest.Result imported = CliE2ETest.vigia("--workspace", ws.toString(), "import", "openmetrics", history.toString());
            importing.set(false);
            assertThat(imported.exit()).as(imported.err()).isZero();
            int answered = queries.get();
            assertThat(failures).as("promtool queries that failed while the import wrote").isEmpty();
            assertThat(answered).isGreaterThanOrEqualTo(5);

            Promtool.Run series = Promtool.query("series", "--match", "node_load1",
                    "--start", EmbeddedEngineVsPrometheusE2ETest.START.toString(), "--end", EmbeddedEngineVsPrometheusE2ETest.END.toString(),
                    vigia.url().toString());
            assertThat(series.exit()).as(series.err()).isZero();
            assertThat(series.json()).as("series another process imported, served without a restart").hasSize(3);
            Promtool.Run up = Promtool.query("instant", vigia.url().toString(), "up{job=\"prom\"}");
            JsonNode upResult = up.json();
            assertThat(upResult).hasSize(1);
            assertThat(upResult.get(0).get("value").get(1).asString()).isEqualTo("1");

            String metrics = get(vigia.url().resolve("/metrics"));
            assertThat(metrics).containsPattern("vigia_scrapes_total\\{job=\"prom\",result=\"up\"} [1-9]")
                    .containsPattern("vigia_scrape_samples_total\\{job=\"prom\"} [1-9]")
                    .contains("vigia_http_request_duration_seconds_count{endpoint=\"/api/v1/series\",outcome=\"success\"} 1");
        }
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
