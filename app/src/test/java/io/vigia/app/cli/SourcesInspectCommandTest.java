package io.vigia.app.cli;

import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigia sources inspect local} on a workspace filled by the simulator, and on one that has only a counter. */
class SourcesInspectCommandTest {
    @TempDir
    static Path dir;
    static Path simulated;

    @BeforeAll
    static void simulate() {
        simulated = dir.resolve("sim.vigia");
        CliRun r = CliRun.vigia(simulated, "simulate", "--store", "--days", "2", "--end", "2026-11-23T08:00:00Z", "--interval", "5m");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void theSimulatorsOwnNamesBindEveryInputWithExplainedScores() {
        CliRun r = CliRun.vigia(simulated, "sources", "inspect", "local");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("probed 2026-11-22T08:00:\\S+ to 2026-11-23T08:00:\\S+")
                .contains("REQUEST_LATENCY: bound by probe (vigia-contract)")
                .contains("binding:   http_server_request_duration_seconds (histogram buckets), service=service, route=http_route")
                .contains("DEPLOY_SIGNAL: bound by probe (vigia-build-info)")
                .contains("GUARDRAIL_DECISIONS: bound by probe (vigia-contract)")
                .contains("coverage: unknown")
                .contains("MODEL_INPUT_FEATURES: bound by probe")
                .contains("COPILOT_SUGGESTIONS: bound by probe")
                .containsPattern("\\* candidate vigia-contract: http_server_request_duration_seconds .*\\n\\s+score \\d+ = convention vigia-contract \\+50, histogram buckets \\+40");
        assertThat(r.out()).contains("PROCESS_RESTARTS: MISSING").contains("needs a process start time per instance");
    }

    @Test
    void jsonListsEveryInputAndTheProbeIsKeptInTheWorkspace() throws Exception {
        CliRun r = CliRun.vigia(simulated, "sources", "inspect", "local", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertThat(root.get("source").asString()).isEqualTo("local");
        assertThat(root.get("inputs").get("REQUEST_LATENCY").get("chosen").get("metric").asString())
                .isEqualTo("http_server_request_duration_seconds");
        assertThat(root.get("inputs").get("REQUEST_LATENCY").get("candidates").get(0).get("score").get("parts")).isNotEmpty();
        assertThat(root.get("inputs").get("PROCESS_RESTARTS").get("missing").asString()).startsWith("needs a process start time");
        try (Workspace ws = Workspace.open(simulated)) {
            var stored = new io.vigia.persistence.workspace.TelemetryBindingRepository(ws).list("local");
            assertThat(stored).extracting(io.vigia.persistence.workspace.TelemetryBindingRepository.Row::input)
                    .contains("REQUEST_LATENCY", "GUARDRAIL_DECISIONS");
        }
    }

    @Test
    void aStoreWithOnlyARequestCounterSaysWhatLatencyNeedsAndWhatItFound() {
        Path ws = dir.resolve("counter.vigia");
        long t0 = 1_763_884_800_000L;
        try (Workspace w = Workspace.open(ws); SqliteSeriesStore store = new SqliteSeriesStore(w);
             SeriesWriter writer = store.writer()) {
            for (int i = 0; i < 100; i++) {
                writer.append(Labels.of("__name__", "http_requests_total", "job", "api", "code", "200"), t0 + i * 15_000L, i * 10.0);
                writer.append(Labels.of("__name__", "app_\u202Ebuild", "job", "api"), t0 + i * 15_000L, 1);
            }
            writer.commit();
        }
        CliRun r = CliRun.vigia(ws, "sources", "inspect", "local", "--window", "1h");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("REQUEST_LATENCY: MISSING")
                .contains("needs a request-latency histogram; found http_requests_total (a counter, no durations)")
                .contains("REQUEST_COUNT: bound by probe (prometheus-client-http)")
                .doesNotContain("\u202E");
    }

    @Test
    void anUnknownSourceOrALokiSourceIsAClearError() {
        CliRun r = CliRun.vigia(simulated, "sources", "inspect", "nope");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("no data source \"nope\"");

        Path ws = dir.resolve("remote.vigia");
        assertThat(CliRun.vigia(ws, "sources", "add", "logs", "--type", "loki", "--url", "http://127.0.0.1:9").exit()).isEqualTo(1);
        CliRun loki = CliRun.vigia(ws, "sources", "inspect", "logs");
        assertThat(loki.exit()).isNotZero();
        assertThat(loki.err()).contains("is a Loki source");

        CliRun add = CliRun.vigia(ws, "sources", "add", "gone", "--url", "http://127.0.0.1:9");
        assertThat(add.out()).as("no probe after a failed test").doesNotContain("Probed");
        CliRun gone = CliRun.vigia(ws, "sources", "inspect", "gone");
        assertThat(gone.exit()).isNotZero();
        assertThat(gone.err()).containsIgnoringCase("connection refused");
    }
}
