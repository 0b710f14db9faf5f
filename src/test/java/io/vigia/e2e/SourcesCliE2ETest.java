package io.vigia.e2e;

import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigia sources add|list|test} against a real Prometheus started on loopback. */
@NeedsProgram("prometheus")
class SourcesCliE2ETest {
    private static PrometheusServer prometheus;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        prometheus = PrometheusServer.start();
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) { // null when it never started: no second exception on top of the first
            prometheus.close();
        }
    }

    @Test
    void addingARealPrometheusSavesItAndShowsItsVersion() throws Exception {
        String ws = dir.resolve("ws.vigia").toString();
        CliE2ETest.Result add = CliE2ETest.vigia("--workspace", ws, "sources", "add", "prod",
                "--url", prometheus.url().toString(), "--header", "X-Scope-OrgID=team-a", "--default");
        assertThat(add.exit()).as(add.out() + add.err()).isZero();
        assertThat(add.out()).contains("Saved prod").contains("OK").containsPattern("2\\.\\d+\\.\\d+");
        CliE2ETest.Result list = CliE2ETest.vigia("--workspace", ws, "sources", "list");
        assertThat(list.out()).contains("prod").contains(prometheus.url().toString());
        CliE2ETest.Result test = CliE2ETest.vigia("--workspace", ws, "sources", "test", "prod");
        assertThat(test.exit()).isZero();
    }

    @Test
    void aServerThatIsNotThereFailsPreciselyAndExitsNonZero() throws Exception {
        String ws = dir.resolve("ws.vigia").toString();
        CliE2ETest.Result add = CliE2ETest.vigia("--workspace", ws, "sources", "add", "gone", "--url", "http://127.0.0.1:9");
        assertThat(add.exit()).isEqualTo(1);
        assertThat(add.out()).contains("FAILED (connection refused)");
    }
}
