package io.vigia.e2e;

import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigia scrape} reading a real Prometheus's own /metrics into the workspace, then queried. */
@NeedsProgram("prometheus")
class ScrapeCliE2ETest {
    @TempDir
    Path dir;

    @Test
    void scrapedSamplesCanBeQueriedFromTheWorkspace() throws Exception {
        try (PrometheusServer prometheus = PrometheusServer.start()) {
            String ws = dir.resolve("ws.vigia").toString();
            CliE2ETest.Result scrape = CliE2ETest.vigia("--workspace", ws, "scrape", prometheus.url() + "/metrics",
                    "--job", "prom", "--interval", "1s", "--for", "4s");
            assertThat(scrape.exit()).as(scrape.err()).isZero();
            assertThat(scrape.out()).contains("up=1");
            CliE2ETest.Result up = CliE2ETest.vigia("--workspace", ws, "query", "up{job=\"prom\"}");
            assertThat(up.out()).startsWith("{\"status\":\"success\"").contains("\"job\":\"prom\"").contains("\"1\"]");
            CliE2ETest.Result build = CliE2ETest.vigia("--workspace", ws, "query", "count(prometheus_build_info{job=\"prom\"})");
            assertThat(build.out()).contains("\"1\"]");
        }
    }
}
