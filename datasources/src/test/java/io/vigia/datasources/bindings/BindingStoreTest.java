package io.vigia.datasources.bindings;

import io.vigia.datasources.bindings.store.BindingJson;
import io.vigia.datasources.bindings.store.BindingStore;
import io.vigia.persistence.workspace.TelemetryBindingRepository;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bindings kept in a real workspace file: probe, override, re-probe, damaged rows. */
class BindingStoreTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfBindingSurvivesTheWorkspace() {
        List<Binding> all = List.of(
                new LatencyBinding("http_server_request_duration_seconds", LatencyKind.CLASSIC_HISTOGRAM, DurationUnit.SECONDS,
                        new ServiceLabel.FromInfo("service_name", "target_info", List.of("job", "instance")), "http_route", Map.of(), List.of()),
                new RequestCountBinding("istio_requests_total", new ServiceLabel.OnSeries("destination_workload"), null,
                        new StatusLabel("response_code", "5.."), Map.of("reporter", "destination")),
                new DeploySignals(List.of(new DeploySignal(DeploySignalKind.IMAGE_TAG, "kube_pod_container_info", "image", "container",
                        List.of("namespace"), Map.of()))),
                new RestartBinding("process_start_time_seconds", "job", "instance"),
                new GuardrailBinding(new GuardrailDecisions.SeparateCounters("guardrails_requests_blocked_total", "guardrails_requests_total"),
                        null, null, "rail_type", null, "job", true, new GuardrailCoverage("guardrails_requests_errors_total", null)),
                new FeatureBinding("vigia_model_input_feature", "feature", "model"),
                new CopilotBinding("vigia_copilot_suggestions_shown_total", "vigia_copilot_suggestions_accepted_total", null, null, "team"));
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia"))) {
            BindingStore store = new BindingStore(new TelemetryBindingRepository(ws));
            for (Binding b : all) {
                store.override("prod", b);
            }
            SourceBindings loaded = store.load("prod");
            for (Binding b : all) {
                assertThat(loaded.input(b.input()).chosen()).isEqualTo(b);
                assertThat(loaded.input(b.input()).origin()).isEqualTo(BindingOrigin.OVERRIDE);
            }
        }
    }

    @Test
    void anOverrideBeatsTheProbeAndARepeatedProbeKeepsIt() {
        FakeFleet f = new FakeFleet().histogram("http_server_request_duration_seconds", 2, FakeFleet.shares(1), 0.2,
                "service", "api", "http_route", "/", "http_response_status_code", "200");
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia"))) {
            BindingStore store = new BindingStore(new TelemetryBindingRepository(ws));
            store.saveProbe(FakeFleet.bindings(f));
            SourceBindings probed = store.load("local");
            assertThat(probed.latency().orElseThrow().route()).isEqualTo("http_route");
            assertThat(probed.input(SemanticInput.REQUEST_LATENCY).candidates()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.score().explain()).contains("convention"));
            assertThat(probed.input(SemanticInput.GUARDRAIL_DECISIONS).missing()).startsWith("needs a guardrail decision counter");

            LatencyBinding mine = new LatencyBinding("http_server_request_duration_seconds", LatencyKind.CLASSIC_HISTOGRAM,
                    DurationUnit.SECONDS, new ServiceLabel.OnSeries("service"), null, Map.of(), List.of());
            store.override("local", mine);
            store.saveProbe(FakeFleet.bindings(f));
            BoundInput after = store.load("local").input(SemanticInput.REQUEST_LATENCY);
            assertThat(after.chosen()).isEqualTo(mine);
            assertThat(after.origin()).isEqualTo(BindingOrigin.OVERRIDE);
            assertThat(after.candidates()).as("the probe's candidates stay visible beside the override").isNotEmpty();

            assertThat(store.clearOverride("local", SemanticInput.REQUEST_LATENCY)).isTrue();
            assertThat(store.load("local").latency().orElseThrow().route()).isEqualTo("http_route");
            assertThat(store.clearOverride("local", SemanticInput.REQUEST_LATENCY)).isFalse();
            assertThat(store.load("elsewhere").input(SemanticInput.REQUEST_LATENCY).missing()).isEqualTo("not probed yet");
        }
    }

    @Test
    void aDamagedRowLeavesItsInputUnboundWithTheReasonAndTheOthersLoad() {
        FakeFleet f = new FakeFleet().histogram("http_server_request_duration_seconds", 2, FakeFleet.shares(1), 0.2,
                "service", "api", "http_route", "/", "http_response_status_code", "200");
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia"))) {
            BindingStore store = new BindingStore(new TelemetryBindingRepository(ws));
            store.saveProbe(FakeFleet.bindings(f));
            ws.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE telemetry_bindings SET probe = ? WHERE input = ?")) {
                    ps.setString(1, "{\"input\":\"REQUEST_LATENCY\",\"chosen\":{\"type\":\"latency\",\"metric\":\"bad name\"}}");
                    ps.setString(2, "REQUEST_LATENCY");
                    ps.executeUpdate();
                }
                return null;
            });
            SourceBindings loaded = store.load("local");
            assertThat(loaded.input(SemanticInput.REQUEST_LATENCY).missing()).contains("cannot be read").contains("bad name");
            assertThat(loaded.requests()).isPresent();
        }
    }

    @Test
    void aHandWrittenOverrideIsCheckedBeforeItIsKept() {
        assertThat(BindingJson.readBinding("{\"type\":\"restarts\",\"metric\":\"process_start_time_seconds\",\"serviceLabel\":null,"
                + "\"instanceLabel\":\"instance\"}")).isEqualTo(new RestartBinding("process_start_time_seconds", null, "instance"));
        assertThatThrownBy(() -> BindingJson.readBinding("{\"type\":\"restarts\",\"metric\":\"x\",\"instanceLabel\":\"__name__\"}"))
                .hasMessageContaining("not a Prometheus label name");
        assertThatThrownBy(() -> BindingJson.readBinding("{\"type\":\"restarts\",\"metric\":\"x\",\"instanceLabel\":\"instance\","
                + "\"instanceLable\":\"pod\"}")).hasMessageContaining("instanceLable");
        assertThatThrownBy(() -> BindingJson.readBinding("{\"type\":\"nope\"}")).hasMessageContaining("nope");
    }
}
